"""The dossier page (``DossierDialog``) and its parts, one module each, the way Anki splits
its browser: page.py (the dialog and its layout), acts.py (the act forms and what they
produce), timeline.py, components.py (digitization by drag and drop), slips.py (the slips to
print)."""

from mohao_desk.ui.dossier.acts import ACTS, FINAL_ACTS, allowed_acts
from mohao_desk.ui.dossier.components import ComponentDropRow
from mohao_desk.ui.dossier.page import DossierDialog
from mohao_desk.ui.dossier.slips import SLIP_OF_ACT, printable_slips

__all__ = [
    "ACTS",
    "FINAL_ACTS",
    "SLIP_OF_ACT",
    "ComponentDropRow",
    "DossierDialog",
    "allowed_acts",
    "printable_slips",
]
