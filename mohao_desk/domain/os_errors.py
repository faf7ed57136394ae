"""The operating system's file errors in our words: ``strerror`` speaks the system's language
(English on most office PCs), so messages name the problem themselves."""

from __future__ import annotations

import errno

from mohao_desk.domain.errors import Phrase


def os_error(exc: OSError) -> Phrase:
    """What went wrong with a file, in our words (the operating system's ``strerror`` speaks the
    system's language, English on most office PCs)."""
    code = exc.errno
    if code == errno.ENOENT:
        return Phrase("không có tệp hoặc thư mục này")
    if code in (errno.EACCES, errno.EPERM):
        return Phrase("không có quyền truy cập")
    if code == errno.ENOSPC:
        return Phrase("ổ đĩa đã đầy")
    if code == errno.EFBIG:
        return Phrase("tệp vượt quá kích thước hệ thống cho phép")
    if code == errno.EROFS:
        return Phrase("ổ đĩa chỉ cho đọc")
    if code == errno.EISDIR:
        return Phrase("đây là một thư mục")
    if code == errno.ENOTDIR:
        return Phrase("đường dẫn không phải thư mục")
    if code == errno.EEXIST:
        return Phrase("tệp đã có")
    if code == errno.ENAMETOOLONG:
        return Phrase("tên tệp quá dài")
    if code in (errno.EBUSY, errno.ETXTBSY):
        return Phrase("tệp đang được chương trình khác dùng")
    return Phrase("lỗi hệ thống, mã {code}", code=code if code is not None else "?")
