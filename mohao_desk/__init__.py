"""mohao_desk: the one-stop desk (Bộ phận Một cửa) of a Vietnamese ward or commune."""

__version__ = "0.1.0"
