<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>DeskError</name>
    <message>
        <extracomment>mohao_desk/cli/accounts.py</extracomment>
        <source>Đơn vị chưa đặt tài khoản mặc định: hãy nêu tài khoản thực hiện.</source>
        <translation>The unit has no default account: name the account that acts.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/accounts.py</extracomment>
        <source>Cần mật khẩu của tài khoản {username} để ghi nhận việc này.</source>
        <translation>The password of account {username} is needed to record this.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/accounts.py</extracomment>
        <source>Cần mật khẩu mới cho tài khoản {username}.</source>
        <translation>A new password is needed for account {username}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/accounts.py</extracomment>
        <source>Hai lần nhập mật khẩu mới không giống nhau.</source>
        <translation>The two entries of the new password differ.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/backup.py, mohao_desk/services/backup.py</extracomment>
        <source>Cơ sở dữ liệu trên máy chủ được phục hồi ngay trên máy chủ bằng pg_restore (việc của cán bộ tin học của đơn vị).</source>
        <translation>A database on a server is restored on the server itself with pg_restore (a task for the unit's IT person).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/base.py</extracomment>
        <source>Thời điểm '{text}' không hợp lệ (dạng YYYY-MM-DDTHH:MM, ví dụ 2024-04-26T09:00).</source>
        <translation>Moment '{text}' is not valid (format YYYY-MM-DDTHH:MM, e.g. 2024-04-26T09:00).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/base.py</extracomment>
        <source>Ngày '{text}' không hợp lệ (dạng YYYY-MM-DD, ví dụ 2024-04-26).</source>
        <translation>Date '{text}' is not valid (format YYYY-MM-DD, e.g. 2024-04-26).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/base.py</extracomment>
        <source>'{path}' là một thư mục; hãy chỉ rõ tên tệp cần ghi.</source>
        <translation>'{path}' is a folder; give the name of the file to write.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/base.py</extracomment>
        <source>Giờ '{text}' không hợp lệ (dạng HH:MM).</source>
        <translation>Time '{text}' is not valid (format HH:MM).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/base.py, mohao_desk/services/sync.py</extracomment>
        <source>Không ghi được tệp '{path}': {error}.</source>
        <translation>Could not write file '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/dossiers.py</extracomment>
        <source>Chưa có cơ sở dữ liệu tại '{path}'. Chạy 'mohao-desk init' để thiết lập đơn vị, hoặc 'mohao-desk demo' để thử với dữ liệu mẫu.</source>
        <translation>There is no database at '{path}'. Run 'mohao-desk init' to set up the unit, or 'mohao-desk demo' to try it with sample data.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/dossiers.py</extracomment>
        <source>Thành phần hồ sơ '{spec}' không hợp lệ.</source>
        <translation>Dossier component '{spec}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/dossiers.py</extracomment>
        <source>Số lượng giấy tờ trong '{spec}' không hợp lệ.</source>
        <translation>Number of papers in '{spec}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/dossiers.py</extracomment>
        <source>Lệnh '{name}' không tồn tại.</source>
        <translation>Command '{name}' does not exist.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/reconcile.py</extracomment>
        <source>Tệp kết quả '{path}' phải có đuôi .pdf, .xlsx hoặc .json.</source>
        <translation>The output file '{path}' must end in .pdf, .xlsx or .json.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/reports.py</extracomment>
        <source>Báo cáo '{kind}' xuất được dạng: {formats}.</source>
        <translation>Report '{kind}' can be exported as: {formats}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/setup.py</extracomment>
        <source>Cán bộ '{spec}' phải có dạng tendangnhap:Họ tên[:Chức danh].</source>
        <translation>Officer '{spec}' must be written username:Full name[:Title].</translation>
    </message>
    <message>
        <extracomment>mohao_desk/cli/setup.py</extracomment>
        <source>Không có gì để sửa: nêu họ tên, chức danh hoặc số điện thoại mới.</source>
        <translation>Nothing to change: give a new full name, title or phone number.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>thông báo thứ {n}</source>
        <translation>announcement {n}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>thông báo ngày {day:%d/%m/%Y}</source>
        <translation>the announcement of {day:%d/%m/%Y}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py, mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: thiếu hoặc sai trường '{key}'.</source>
        <translation>{where}: field '{key}' is missing or wrong.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: trường '{key}' dài quá {limit} ký tự.</source>
        <translation>{where}: the field '{key}' is longer than {limit} characters.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: trường '{key}' phải là một ngày dạng YYYY-MM-DD.</source>
        <translation>{where}: the field '{key}' must be a date written YYYY-MM-DD.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py, mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: phải là một đối tượng.</source>
        <translation>{where}: must be an object.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: trường '{key}' không được biết đến.</source>
        <translation>{where}: the field '{key}' is unknown.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: ngoài phạm vi lịch {first_year}–{last_year}.</source>
        <translation>{where}: outside the calendar's span {first_year}–{last_year}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: 'kind' phải là 'off' (nghỉ) hoặc 'working' (làm việc).</source>
        <translation>{where}: 'kind' must be 'off' (day off) or 'working' (working day).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: ngày của văn bản không hợp lệ.</source>
        <translation>{where}: the document's date is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: 'certain' phải là true hoặc false.</source>
        <translation>{where}: 'certain' must be true or false.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>{where}: 'package' phải là 'same' hoặc 'differs'.</source>
        <translation>{where}: 'package' must be 'same' or 'differs'.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>danh sách thông báo lịch phải là một danh sách.</source>
        <translation>the calendar announcements must be a list.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>danh sách thông báo lịch có quá {limit} mục.</source>
        <translation>the calendar announcements have more than {limit} entries.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>ngày {day:%d/%m/%Y} có hai thông báo lịch.</source>
        <translation>{day:%d/%m/%Y} has two calendar announcements.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>Tệp thông báo lịch '{name}' bị từ chối: không phải JSON UTF-8; không áp dụng thông báo nào.</source>
        <translation>The calendar announcement file '{name}' is refused: it is not UTF-8 JSON; no announcement is applied.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>thiếu 'format: {format}'.</source>
        <translation>'format: {format}' is missing.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>trường 'version' không hợp lệ.</source>
        <translation>the field 'version' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>tệp có phiên bản {version}, chương trình này đọc đến {known}.</source>
        <translation>the file has version {version}, this program reads up to {known}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/announcements.py</extracomment>
        <source>Tệp thông báo lịch '{name}' bị từ chối: {reason}; không áp dụng thông báo nào.</source>
        <translation>The calendar announcement file '{name}' is refused: {reason}; no announcement is applied.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/calendar.py</extracomment>
        <source>Giờ làm việc phải có ít nhất một khoảng thời gian.</source>
        <translation>Office hours need at least one time range.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/calendar.py</extracomment>
        <source>Ngày {day:%d/%m/%Y} nằm ngoài lịch làm việc ({first_year}–{last_year}).</source>
        <translation>Date {day:%d/%m/%Y} is outside the working calendar ({first_year}–{last_year}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/calendar.py</extracomment>
        <source>Thời hạn vượt ra ngoài lịch làm việc ({first_year}–{last_year}).</source>
        <translation>The deadline falls outside the working calendar ({first_year}–{last_year}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/calendar.py</extracomment>
        <source>Khoảng giờ làm việc không hợp lệ.</source>
        <translation>Office hours range is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/calendar.py</extracomment>
        <source>Các khoảng giờ làm việc phải tăng dần và không chồng lên nhau.</source>
        <translation>Office hours ranges must be in increasing order and must not overlap.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/calendar.py</extracomment>
        <source>Giờ làm việc '{text}' không đúng dạng HH:MM-HH:MM,HH:MM-HH:MM.</source>
        <translation>Office hours '{text}' are not in the form HH:MM-HH:MM,HH:MM-HH:MM.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/calendar.py</extracomment>
        <source>Giờ làm việc '{text}' có giờ hoặc phút không hợp lệ.</source>
        <translation>Office hours '{text}' have an invalid hour or minute.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Loại giấy tờ '{text}' không hợp lệ (một trong: {names}).</source>
        <translation>Paper kind '{text}' is not valid (one of: {names}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: trường '{key}' quá dài.</source>
        <translation>{where}: field '{key}' is too long.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: giờ '{text}' không đúng dạng HH:MM.</source>
        <translation>{where}: time '{text}' is not in the form HH:MM.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: thời hạn giải quyết phải là một đối tượng.</source>
        <translation>{where}: the processing time must be an object.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: số lượng thời hạn '{value}' không hợp lệ.</source>
        <translation>{where}: processing time amount '{value}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: 'source' phải là một đoạn chữ hoặc danh sách.</source>
        <translation>{where}: 'source' must be a text or a list of texts.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Tệp danh mục thủ tục không đúng định dạng (thiếu 'format: mohao-catalog').</source>
        <translation>The procedure catalog file has the wrong format (missing 'format: mohao-catalog').</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Tệp danh mục thủ tục không có thủ tục nào.</source>
        <translation>The procedure catalog file has no procedures.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Thủ tục thứ {n}</source>
        <translation>Procedure no. {n}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Thủ tục {code}</source>
        <translation>Procedure {code}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Tệp chế độ pháp lý không đúng định dạng.</source>
        <translation>The legal regime file has the wrong format.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Tệp chế độ pháp lý không có chế độ nào.</source>
        <translation>The legal regime file has no regimes.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Chế độ {code}</source>
        <translation>Regime {code}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: đơn vị thời hạn '{unit}' không hợp lệ.</source>
        <translation>{where}: processing time unit '{unit}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py, mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: {error}</source>
        <translation>{where}: {error}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: mã thủ tục bị trùng.</source>
        <translation>{where}: duplicate procedure code.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: 'components' phải là một danh sách.</source>
        <translation>{where}: 'components' must be a list.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: 'unsure' phải là true hoặc false.</source>
        <translation>{where}: 'unsure' must be true or false.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: ngày '{text}' không đúng dạng YYYY-MM-DD.</source>
        <translation>{where}: date '{text}' is not in the form YYYY-MM-DD.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Chế độ pháp lý phải là một đối tượng.</source>
        <translation>A legal regime must be an object.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Chế độ pháp lý</source>
        <translation>Legal regime</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: 'apology' phải là một đối tượng.</source>
        <translation>{where}: 'apology' must be an object.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: 'working_days_before' không hợp lệ.</source>
        <translation>{where}: 'working_days_before' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: 'once_only' phải là true hoặc false.</source>
        <translation>{where}: 'once_only' must be true or false.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: 'forms' phải là một đối tượng.</source>
        <translation>{where}: 'forms' must be an object.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: ngày hết hiệu lực trước ngày bắt đầu hiệu lực.</source>
        <translation>{where}: the end of validity is before its start.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>Chế độ {first} và {second} có thời gian hiệu lực chồng nhau.</source>
        <translation>Regimes {first} and {second} have overlapping periods of validity.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: thành phần hồ sơ phải là một đối tượng.</source>
        <translation>{where}: a dossier component must be an object.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: loại giấy tờ '{kind}' không hợp lệ.</source>
        <translation>{where}: paper kind '{kind}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: số lượng giấy tờ '{count}' không hợp lệ.</source>
        <translation>{where}: number of papers '{count}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: thủ tục chưa chắc chắn ('unsure') phải có ghi chú nói điều gì chưa chắc.</source>
        <translation>{where}: an unsure procedure ('unsure') must have a note saying what is not certain.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog.py</extracomment>
        <source>{where}: mẫu '{key}' phải là một đối tượng.</source>
        <translation>{where}: form '{key}' must be an object.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Dòng {row}</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Thời hạn giải quyết '{text}' không phải một số nguyên dương (ví dụ 03 ngày làm việc): không nhận số âm, phân số, số thập phân hay khoảng thời hạn.</source>
        <translation>The processing time '{text}' is not a positive whole number (for example 03 working days): negative numbers, fractions, decimals and ranges are not accepted.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Thiếu thời hạn giải quyết.</source>
        <translation>The processing time is missing.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Không hiểu thời hạn giải quyết '{text}' (cần dạng '03 ngày làm việc', '10 ngày', '1 tháng', '04 giờ làm việc' hoặc 'Trong ngày').</source>
        <translation>Processing time '{text}' is not understood (write it as '03 ngày làm việc', '10 ngày', '1 tháng', '04 giờ làm việc' or 'Trong ngày').</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Thời hạn giải quyết '{text}' có nhiều thời hạn khác nhau: danh mục phải ghi một thời hạn cho mỗi thủ tục.</source>
        <translation>Processing time '{text}' gives several different times: the list must give one time per procedure.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Trang '{sheet}', dòng {row}</source>
        <translation>Sheet '{sheet}', row {row}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Không tìm thấy dòng tiêu đề của danh mục trong {rows} dòng đầu (cần có cột 'Mã TTHC' hoặc 'Mã số' và cột 'Tên thủ tục hành chính').</source>
        <translation>No header row of the list was found in the first {rows} rows (it needs a 'Mã TTHC' or 'Mã số' column and a 'Tên thủ tục hành chính' column).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Tệp danh mục không có thủ tục nào dưới dòng tiêu đề.</source>
        <translation>The catalog file has no procedure under its header row.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: thiếu mã và tên thủ tục.</source>
        <translation>{where}: the procedure code and name are missing.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: thiếu mã của thủ tục '{name}'.</source>
        <translation>{where}: the code of procedure '{name}' is missing.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: mã thủ tục '{code}' không hợp lệ.</source>
        <translation>{where}: procedure code '{code}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: thiếu tên thủ tục (mã {code}).</source>
        <translation>{where}: the procedure name is missing (code {code}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: mã thủ tục {code} trùng với {other}.</source>
        <translation>{where}: procedure code {code} repeats {other}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: không rõ lĩnh vực của thủ tục {code} (không có cột 'Lĩnh vực' và không có dòng lĩnh vực phía trên).</source>
        <translation>{where}: the field of procedure {code} is unknown (no 'Lĩnh vực' column and no field row above it).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>Giờ tiếp nhận trong thời hạn '{text}' không hợp lệ.</source>
        <translation>The receiving hour in processing time '{text}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/catalog_sheet.py</extracomment>
        <source>{where}: ô '{column}' quá dài.</source>
        <translation>{where}: cell '{column}' is too long.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/codes.py</extracomment>
        <source>Mã cơ quan '{code}' không đúng định dạng mã định danh điện tử (ví dụ 000.17.22.H56).</source>
        <translation>Agency code '{code}' is not in the electronic identifier format (e.g. 000.17.22.H56).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/codes.py</extracomment>
        <source>Số thứ tự hồ sơ phải từ 1.</source>
        <translation>The dossier sequence number must start from 1.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/codes.py</extracomment>
        <source>Mã hồ sơ '{text}' không đúng dạng {{mã cơ quan}}-{{yyMMdd}}-{{NNNN}}.</source>
        <translation>Dossier code '{text}' is not in the form {{agency code}}-{{yyMMdd}}-{{NNNN}}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/codes.py</extracomment>
        <source>Mã hồ sơ '{text}' có số thứ tự 0.</source>
        <translation>Dossier code '{text}' has sequence number 0.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/codes.py</extracomment>
        <source>Mã hồ sơ '{text}' chứa ngày không hợp lệ.</source>
        <translation>Dossier code '{text}' contains an invalid date.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/deadline.py</extracomment>
        <source>Đơn vị thời hạn không được hỗ trợ: {unit}</source>
        <translation>Processing time unit not supported: {unit}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/deadline.py</extracomment>
        <source>Thời hạn giải quyết quá lớn (tối đa {limit}).</source>
        <translation>Processing time is too long (at most {limit}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/deadline.py</extracomment>
        <source>Thủ tục giải quyết trong ngày không có số ngày.</source>
        <translation>A same-day procedure has no number of days.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/deadline.py</extracomment>
        <source>Thời hạn giải quyết phải là số dương.</source>
        <translation>The processing time must be a positive number.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>{rules} Muốn vẫn ghi nhận, phải nêu lý do ngoại lệ.</source>
        <translation>{rules} To record it anyway, give a reason for the exception.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Hồ sơ đã được yêu cầu bổ sung {previous_requests} lần. Yêu cầu bổ sung thêm lần nữa sẽ khiến hồ sơ bị tính là quá hạn; phải nêu lý do.</source>
        <translation>The applicant has already been asked for supplements {previous_requests} time(s). Asking again makes the dossier count as overdue; a reason is required.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Hồ sơ đã được tiếp nhận; không thể tiếp nhận lại.</source>
        <translation>The dossier has already been registered; it cannot be registered again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Hồ sơ đang chờ bổ sung: thời hạn giải quyết đang tạm dừng nên chưa lập phiếu xin lỗi. Sau khi nhận đủ hồ sơ bổ sung, thời hạn được tính lại; khi đó nếu vẫn không kịp hạn thì lập phiếu xin lỗi với ngày hẹn mới.</source>
        <translation>The dossier is waiting for a supplement: its deadline is paused, so no apology slip yet. Once the supplement is complete the deadline is recomputed; if it still cannot be met, issue an apology slip with a new date.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Không thể thực hiện '{act}' khi hồ sơ đang ở trạng thái '{status}'.</source>
        <translation>Cannot record '{act}' while the dossier is '{status}'.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Ngày hẹn trả mới ({new_due:%H:%M %d/%m/%Y}) phải sau thời điểm xin lỗi ({at:%H:%M %d/%m/%Y}).</source>
        <translation>The new return date ({new_due:%H:%M %d/%m/%Y}) must be after the apology ({at:%H:%M %d/%m/%Y}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Ngày hẹn trả mới ({new_due:%H:%M %d/%m/%Y}) phải sau ngày hẹn hiện tại ({due:%H:%M %d/%m/%Y}).</source>
        <translation>The new return date ({new_due:%H:%M %d/%m/%Y}) must be after the current due date ({due:%H:%M %d/%m/%Y}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Ngày hẹn trả mới ({new_due:%H:%M %d/%m/%Y}) không rơi vào giờ làm việc của một ngày làm việc.</source>
        <translation>The new return date ({new_due:%H:%M %d/%m/%Y}) is not within office hours of a working day.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Kênh tiếp nhận '{text}' không hợp lệ (1 = trực tiếp, 2 = trực tuyến, 3 = bưu chính công ích).</source>
        <translation>Channel '{text}' is not valid (1 = in person, 2 = online, 3 = public postal service).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Chỉ được hẹn lại ngày trả kết quả một lần.</source>
        <translation>The return date may be re-appointed only once.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/lifecycle.py</extracomment>
        <source>Phiếu xin lỗi phải được gửi chậm nhất {days} ngày làm việc trước ngày hết hạn (hạn chót gửi: ngày {latest_day:%d/%m/%Y}).</source>
        <translation>The apology slip must be sent at least {days} working day(s) before the due date (last day to send it: {latest_day:%d/%m/%Y}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>lỗi hệ thống, mã {code}</source>
        <translation>system error, code {code}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>không có tệp hoặc thư mục này</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>không có quyền truy cập</source>
        <translation>access denied</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>ổ đĩa đã đầy</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>tệp vượt quá kích thước hệ thống cho phép</source>
        <translation>the file exceeds the size the system allows</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>ổ đĩa chỉ cho đọc</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>đây là một thư mục</source>
        <translation>this is a folder</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>đường dẫn không phải thư mục</source>
        <translation>the path is not a folder</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>tệp đã có</source>
        <translation>the file already exists</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>tên tệp quá dài</source>
        <translation>the file name is too long</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/os_errors.py</extracomment>
        <source>tệp đang được chương trình khác dùng</source>
        <translation>the file is in use by another program</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Gói '{name}' bị từ chối: {reason}; cơ sở dữ liệu không thay đổi.</source>
        <translation>Package '{name}' was refused: {reason}; the database was not changed.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Gói '{name}' bị từ chối: {reason} ({detail}); cơ sở dữ liệu không thay đổi.</source>
        <translation>Package '{name}' was refused: {reason} ({detail}); the database was not changed.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Tệp khóa '{name}' bị từ chối: {reason}.</source>
        <translation>Key file '{name}' was refused: {reason}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Tệp khóa '{name}' bị từ chối: {reason} ({detail}).</source>
        <translation>Key file '{name}' was refused: {reason} ({detail}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Mật khẩu khóa ký của đơn vị không đúng.</source>
        <translation>The unit's signing-key passphrase is wrong.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Mật khẩu khóa ký phải có ít nhất {minimum} ký tự.</source>
        <translation>The signing-key passphrase must have at least {minimum} characters.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thành phần {member} vượt {limit} byte</source>
        <translation>member {member} exceeds {limit} bytes</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thành phần {member} không giải nén được</source>
        <translation>part {member} cannot be unpacked</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>quá lớn</source>
        <translation>too large</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>không phải gói đồng bộ mohao_desk</source>
        <translation>not a mohao_desk sync package</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>tệp bị hỏng hoặc bị cắt cụt</source>
        <translation>the file is damaged or truncated</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>được tạo bởi phiên bản mới hơn</source>
        <translation>made by a newer version</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>tệp kê khai không hợp lệ</source>
        <translation>the manifest is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>nội dung đã bị thay đổi (mã băm không khớp)</source>
        <translation>the content has been altered (hash mismatch)</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>đơn vị gửi chưa được đăng ký tin cậy</source>
        <translation>the sending unit is not registered as trusted</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>chữ ký không hợp lệ</source>
        <translation>the signature is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>nội dung gói không hợp lệ</source>
        <translation>the package content is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>loại gói không phù hợp</source>
        <translation>wrong kind of package</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trùng số thứ tự gói với nội dung khác</source>
        <translation>same package number as another package with different content</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>không khớp chuỗi gói trước</source>
        <translation>does not follow the previous package in the chain</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>tệp khóa công khai không hợp lệ</source>
        <translation>the public key file is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Khóa riêng của đơn vị không phải khóa Ed25519.</source>
        <translation>The unit's private key is not an Ed25519 key.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>tệp quá lớn</source>
        <translation>file too large</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thiếu 'format: {format}'</source>
        <translation>missing 'format: {format}'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>phiên bản hoặc thuật toán không được hỗ trợ</source>
        <translation>version or algorithm not supported</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>vai trò phải là 'desk' hoặc 'upstream'</source>
        <translation>the role must be 'desk' or 'upstream'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>mã đơn vị không hợp lệ</source>
        <translation>invalid unit code</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>tên đơn vị không hợp lệ</source>
        <translation>invalid unit name</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>khóa công khai phải dài 32 byte</source>
        <translation>the public key must be 32 bytes long</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>dấu vân tay không khớp với khóa</source>
        <translation>the fingerprint does not match the key</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường '{field}' phải là thời điểm UTC</source>
        <translation>field '{field}' must be a UTC moment</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>tệp kê khai không mang định dạng gói</source>
        <translation>the manifest does not carry the package format</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'schema_version' không hợp lệ</source>
        <translation>field 'schema_version' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>lược đồ gói {version}, chương trình này đọc đến {schema_version}</source>
        <translation>package schema {version}, this program reads up to {schema_version}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'kind' phải là 'desk' hoặc 'config'</source>
        <translation>field 'kind' must be 'desk' or 'config'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thiếu trường 'unit'</source>
        <translation>missing field 'unit'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>số thứ tự gói phải là số nguyên dương</source>
        <translation>the package number must be a positive integer</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thời điểm bắt đầu sau thời điểm kết thúc</source>
        <translation>the start moment is after the end moment</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'counts' phải có {keys}</source>
        <translation>field 'counts' must have {keys}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'previous_sha256' không hợp lệ</source>
        <translation>field 'previous_sha256' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>chỉ gói số 1 được thiếu mã băm của gói trước</source>
        <translation>only package no. 1 may lack the hash of the previous package</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'payload_sha256' không hợp lệ</source>
        <translation>field 'payload_sha256' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'payload_size' không hợp lệ</source>
        <translation>field 'payload_size' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'personal_data' phải là true hoặc false</source>
        <translation>field 'personal_data' must be true or false</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'key_fingerprint' không hợp lệ</source>
        <translation>field 'key_fingerprint' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường 'audit' không hợp lệ</source>
        <translation>the 'audit' field is invalid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py, mohao_desk/services/sync.py</extracomment>
        <source>{size} byte, tối đa {limit}</source>
        <translation>{size} bytes, at most {limit}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thành phần thừa hoặc lặp: {members}</source>
        <translation>extra or repeated members: {members}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>kích thước nội dung khác tệp kê khai</source>
        <translation>the content size differs from the manifest</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>ký bằng khóa {signed}, khác khóa đã đăng ký {trusted}</source>
        <translation>signed with key {signed}, not the registered key {trusted}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>phải là một đối tượng JSON</source>
        <translation>must be a JSON object</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>'procedures' phải là một danh sách</source>
        <translation>'procedures' must be a list</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>cột '{column}' có giá trị không đúng kiểu</source>
        <translation>column '{column}' has values of the wrong type</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>cột '{column}' có giá trị không hợp lệ</source>
        <translation>column '{column}' has invalid values</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>phải có đúng 'procedures', 'officers', 'dossiers'</source>
        <translation>must have exactly 'procedures', 'officers', 'dossiers'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>'officers' phải là một danh sách</source>
        <translation>'officers' must be a list</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>cán bộ bị trùng</source>
        <translation>duplicate officers</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>các cột hồ sơ không đúng</source>
        <translation>the dossier columns are not right</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>các cột hồ sơ không cùng độ dài</source>
        <translation>the dossier columns differ in length</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thủ tục bị trùng</source>
        <translation>duplicate procedures</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>số lượng {got} khác tệp kê khai {counts}</source>
        <translation>counts {got} differ from the manifest {counts}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>'calendar_overrides' phải là một danh sách</source>
        <translation>'calendar_overrides' must be a list</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>ngày điều chỉnh lịch bị trùng</source>
        <translation>duplicate calendar adjustment days</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>chỉ được đặt các thiết lập {settings}</source>
        <translation>only the settings {settings} may be set</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>Khóa riêng của đơn vị bị hỏng.</source>
        <translation>The unit's private key is damaged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>không phải JSON UTF-8</source>
        <translation>not UTF-8 JSON</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>JSON lồng nhau quá sâu</source>
        <translation>JSON nested too deep</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>khóa công khai không phải base64</source>
        <translation>the public key is not base64</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>trường '{field}' không hợp lệ</source>
        <translation>field '{field}' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thành phần: {members}</source>
        <translation>members: {members}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>tệp chữ ký hỏng</source>
        <translation>damaged signature file</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>chữ ký không khớp với nội dung</source>
        <translation>the signature does not match the content</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>cột '{column}' có giá trị trống</source>
        <translation>column '{column}' has empty values</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>cán bộ không hợp lệ</source>
        <translation>invalid officer</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>cán bộ '{username}' không hợp lệ</source>
        <translation>officer '{username}' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>có dữ liệu cá nhân mà tệp kê khai không khai báo</source>
        <translation>it has personal data that the manifest does not declare</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>phải có đúng 'procedures', 'calendar_overrides', 'settings', 'calendar_announcements'</source>
        <translation>must have exactly 'procedures', 'calendar_overrides', 'settings', 'calendar_announcements'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>phải có đúng 'procedures', 'calendar_overrides', 'settings'</source>
        <translation>must have exactly 'procedures', 'calendar_overrides', 'settings'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>ngày {day:%d/%m/%Y} ngoài phạm vi lịch 2015–2040</source>
        <translation>date {day:%d/%m/%Y} is outside the calendar range 2015–2040</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thiết lập '{key}' không hợp lệ</source>
        <translation>setting '{key}' is not valid</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>ngày điều chỉnh lịch không hợp lệ</source>
        <translation>invalid calendar adjustment day</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>thông báo lịch: {error}</source>
        <translation>calendar announcements: {error}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/package.py</extracomment>
        <source>mã hồ sơ bị trùng</source>
        <translation>duplicate dossier codes</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py</extracomment>
        <source>Năm báo cáo {year} không hợp lệ ({min_year}–{max_year}).</source>
        <translation>Report year {year} is not valid ({min_year}–{max_year}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py, mohao_desk/services/statistics.py</extracomment>
        <source>Ngày kết thúc kỳ báo cáo {last:%d/%m/%Y} trước ngày bắt đầu {first:%d/%m/%Y}.</source>
        <translation>The end of the report period {last:%d/%m/%Y} is before its start {first:%d/%m/%Y}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py</extracomment>
        <source>Loại kỳ báo cáo '{kind}' không hợp lệ ({names}).</source>
        <translation>Report period kind '{kind}' is not valid ({names}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py</extracomment>
        <source>Kỳ báo cáo '{kind}' cần số quý (1–4).</source>
        <translation>Report period '{kind}' needs a quarter number (1–4).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py</extracomment>
        <source>Kỳ báo cáo '{kind}' cần số tháng (1–12).</source>
        <translation>Report period '{kind}' needs a month number (1–12).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py</extracomment>
        <source>Quý {number} không hợp lệ (1–4).</source>
        <translation>Quarter {number} is not valid (1–4).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py</extracomment>
        <source>Tháng {number} không hợp lệ (1–12).</source>
        <translation>Month {number} is not valid (1–12).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/periods.py</extracomment>
        <source>Kỳ báo cáo '{kind}' (cả năm) không nhận số tháng hay quý.</source>
        <translation>Report period '{kind}' (a whole year) takes no month or quarter number.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Tệp trống: không có dòng nào.</source>
        <translation>The file is empty: it has no rows.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Không tìm thấy dòng tiêu đề có cột mã hồ sơ trong {rows} dòng đầu (cần cột 'Mã hồ sơ', 'Số hồ sơ' hoặc 'Mã số'; hoặc chỉ rõ cột, ví dụ code=B).</source>
        <translation>No header row with a dossier code column in the first {rows} rows (a 'Mã hồ sơ', 'Số hồ sơ' or 'Mã số' column is needed; or name the columns, e.g. code=B).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Tệp không có hồ sơ nào dưới dòng tiêu đề.</source>
        <translation>The file has no dossier under its header row.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Khoảng đối chiếu sai: từ ngày {low:%d/%m/%Y} sau đến ngày {high:%d/%m/%Y}.</source>
        <translation>Wrong reconciliation period: the start {low:%d/%m/%Y} is after the end {high:%d/%m/%Y}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>chỉ có giờ, không có ngày</source>
        <translation>a time without a date</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>là một con số, không phải ngày tháng</source>
        <translation>a number, not a date</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Trang '{sheet}' không có cột mã hồ sơ (chỉ rõ cột, ví dụ code=B).</source>
        <translation>Sheet '{sheet}' has no dossier code column (name it, e.g. code=B).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Tệp không có cột ngày tiếp nhận đọc được: hãy chỉ rõ khoảng thời gian đối chiếu (từ ngày, đến ngày).</source>
        <translation>The file has no readable receipt date column: give the period to reconcile (from, to).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Cột '{name}' không có trong phép đối chiếu (chỉ có: {names}).</source>
        <translation>The reconciliation has no column '{name}' (only: {names}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Cột '{where}' của '{name}' không hợp lệ (cần chữ cái của cột như B, AA hoặc số thứ tự cột).</source>
        <translation>Column '{where}' of '{name}' is not valid (a column letter such as B or AA, or the column's number, is needed).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>'{text}' không phải một ngày có thật</source>
        <translation>'{text}' is not a real date</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Dòng {row}, cột {column}: mã hồ sơ dài quá {limit} ký tự.</source>
        <translation>Row {row}, column {column}: the dossier code is longer than {limit} characters.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>'{text}' không phải ngày tháng đọc được (cần dd/mm/yyyy, dd/mm/yyyy HH:MM hoặc yyyy-mm-dd)</source>
        <translation>'{text}' is not a readable date (dd/mm/yyyy, dd/mm/yyyy HH:MM or yyyy-mm-dd is needed)</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/reconcile.py</extracomment>
        <source>Dòng {row}, cột {column} ('{header}'): {reason}. Tệp không được đọc; hãy sửa ô này rồi đối chiếu lại.</source>
        <translation>Row {row}, column {column} ('{header}'): {reason}. The file was not read; correct this cell and reconcile again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/regimes.py</extracomment>
        <source>Không có chế độ pháp lý nào áp dụng cho ngày {day:%d/%m/%Y}.</source>
        <translation>No legal regime applies on {day:%d/%m/%Y}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/regimes.py</extracomment>
        <source>Chế độ {code} ({name}) không có mẫu '{key}'.</source>
        <translation>Regime {code} ({name}) has no form '{key}'.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/roles.py</extracomment>
        <source>Việc '{what}' cần vai trò {roles}; tài khoản {account} không có vai trò đó.</source>
        <translation>'{what}' needs the role {roles}; the account {account} does not have it.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/roles.py</extracomment>
        <source>Vai trò '{role}' không có ({roles}).</source>
        <translation>There is no role '{role}' ({roles}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/user_files.py</extracomment>
        <source>Tệp {what} '{path}' quá lớn ({size} byte, tối đa {limit} byte).</source>
        <translation>The {what} file '{path}' is too large ({size} bytes, at most {limit} bytes).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/user_files.py</extracomment>
        <source>'{path}' không phải tệp thông thường (mà là thiết bị, ống dẫn hoặc socket): chương trình không đọc.</source>
        <translation>'{path}' is not a regular file (it is a device, a pipe or a socket): the program does not read it.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/user_files.py</extracomment>
        <source>Tệp {what} '{path}' quá lớn (hơn {limit} byte).</source>
        <translation>The {what} file '{path}' is too large (more than {limit} bytes).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/user_files.py</extracomment>
        <source>'{path}' là một thư mục, không phải một tệp.</source>
        <translation>'{path}' is a folder, not a file.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/domain/user_files.py</extracomment>
        <source>Không đọc được tệp {what} '{path}': {error}.</source>
        <translation>Could not read the {what} file '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Tên đăng nhập hoặc mật khẩu không đúng.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Mật khẩu hiện tại không đúng (nhập sai 5 lần thì tài khoản bị khóa 5 phút).</source>
        <translation>The current password is wrong (five wrong passwords lock the account for five minutes).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Tài khoản {username} đang bị khóa đến {until:%H:%M} vì nhập sai mật khẩu {count} lần; hãy thử lại sau hoặc nhờ quản trị đặt lại mật khẩu.</source>
        <translation>The account {username} is locked until {until:%H:%M} after {count} wrong passwords; try again later or ask the administrator to reset the password.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Tài khoản {username} đã ngừng sử dụng.</source>
        <translation>The account {username} is no longer in use.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Một tài khoản cần ít nhất một vai trò.</source>
        <translation>An account needs at least one role.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Tài khoản quản trị cần có mật khẩu.</source>
        <translation>The administrator's account needs a password.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Đơn vị đã có tài khoản quản trị: tài khoản mới do quản trị tạo sau khi đăng nhập.</source>
        <translation>The unit already has an administrator: new accounts are created by an administrator after logging in.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Không thể bỏ quyền quản trị của {username}: đơn vị sẽ không còn ai quản trị. Hãy cấp quyền quản trị cho người khác trước.</source>
        <translation>Cannot remove {username}'s administrator role: the unit would have no administrator left. Give the role to someone else first.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Tài khoản {username} chưa có mật khẩu: nhờ quản trị của đơn vị đặt mật khẩu.</source>
        <translation>The account {username} has no password yet: ask the unit's administrator to set one.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/accounts.py</extracomment>
        <source>Không có tài khoản '{username}'.</source>
        <translation>There is no account '{username}'.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>bản ghi nhập gói số {key}</source>
        <translation>package import record no. {key}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Lịch sử không còn nguyên vẹn: {first}</source>
        <translation>The history is no longer intact: {first}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>hồ sơ {ref}</source>
        <translation>dossier {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>cài đặt: {ref}</source>
        <translation>settings: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>danh mục thủ tục: {ref}</source>
        <translation>procedure catalog: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>lịch làm việc: {ref}</source>
        <translation>working calendar: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>tài khoản: {ref}</source>
        <translation>accounts: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>từ chối tại quầy: {ref}</source>
        <translation>refusals at the counter: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>nhập gói: {ref}</source>
        <translation>package import: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>lô dữ liệu: {ref}</source>
        <translation>data batch: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>{kind}: {ref}</source>
        <translation>{kind}: {ref}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Có dữ liệu ghi cho mắt xích số {seq} nhưng mắt xích này không còn (đã bị xóa).</source>
        <translation>There are records for link no. {seq}, but that link is gone (deleted).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code} đã bị xóa khỏi cơ sở dữ liệu.</source>
        <translation>Dossier {code} was deleted from the database.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Một hồ sơ (số nội bộ {id}) đã bị xóa khỏi cơ sở dữ liệu.</source>
        <translation>A dossier (internal no. {id}) was deleted from the database.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>cài đặt '{key}'</source>
        <translation>setting '{key}'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>thông tin đơn vị (số {key})</source>
        <translation>unit information (no. {key})</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>chế độ pháp lý {key}</source>
        <translation>legal regime {key}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>khóa tin cậy của đơn vị số {key}</source>
        <translation>trusted key of unit no. {key}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>thủ tục {key}</source>
        <translation>procedure {key}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>điều chỉnh lịch ngày {day}</source>
        <translation>calendar adjustment of {day}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>tài khoản số {key}</source>
        <translation>account no. {key}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>nhật ký tài khoản số {key}</source>
        <translation>account log entry no. {key}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>bản ghi từ chối tiếp nhận tại quầy số {key}</source>
        <translation>counter refusal record no. {key}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Lịch sử nguyên vẹn: {links} mắt xích, {dossiers} hồ sơ, {events} sự kiện đã tính lại, {objects} mục cài đặt, danh mục và tài khoản ({scope}, {seconds} giây).</source>
        <translation>The history is intact: {links} links, {dossiers} dossiers, {events} events recomputed, {objects} settings, catalog and account items ({scope}, {seconds} seconds).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Lịch sử không còn nguyên vẹn ({count} chỗ), chỗ đầu tiên: {first}</source>
        <translation>The history is no longer intact ({count} places), the first: {first}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code}: dữ liệu của hồ sơ (thời hạn, kết quả, trạng thái, cán bộ, người nộp…) đã bị sửa sau lần ghi cuối cùng (sự kiện số {event}).</source>
        <translation>Dossier {code}: the dossier's data (deadlines, result, status, officer, applicant…) was edited after it was last recorded (event no. {event}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code}: dữ liệu của hồ sơ (thời hạn, kết quả, trạng thái, cán bộ, người nộp…) đã bị sửa sau lần ghi cuối cùng.</source>
        <translation>Dossier {code}: the dossier's data (deadlines, result, status, officer, applicant…) was edited after it was last recorded.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>tài khoản {username}</source>
        <translation>account {username}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>{thing} đã bị thêm lại ngoài chương trình sau khi bị xóa.</source>
        <translation>{thing} was added again outside the program after it had been removed.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>kiểm tra toàn bộ</source>
        <translation>full check</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>kiểm tra tiếp từ mắt xích số {seq}</source>
        <translation>checked on from link no. {seq}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Đầu chuỗi lịch sử (mắt xích số {head}) không khớp mắt xích cuối cùng còn lại (số {last}): các mắt xích cuối đã bị xóa hoặc sửa.</source>
        <translation>The head of the history chain (link no. {head}) does not match the last link left (no. {last}): the last links were deleted or edited.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Chuỗi lịch sử chỉ còn {length} mắt xích, ít hơn lần kiểm tra ngày {day} ({seq} mắt xích): lịch sử đã bị cắt bớt.</source>
        <translation>The history chain has only {length} links, fewer than at the check of {day} ({seq} links): the history was cut short.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Mắt xích số {seq} khác với lần kiểm tra ngày {day}: lịch sử đã bị viết lại.</source>
        <translation>Link no. {seq} differs from the check of {day}: the history was rewritten.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code} không có trong chuỗi lịch sử (được thêm ngoài chương trình).</source>
        <translation>Dossier {code} is not in the history chain (added outside the program).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code}: sự kiện số {event} ({act}) đã bị sửa.</source>
        <translation>Dossier {code}: event no. {event} ({act}) was edited.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code}: một trong các sự kiện số {first} đến {last} đã bị sửa.</source>
        <translation>Dossier {code}: one of events no. {first} to {last} was edited.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code}: sự kiện số {event} ({act}) không có trong chuỗi lịch sử (được thêm ngoài chương trình).</source>
        <translation>Dossier {code}: event no. {event} ({act}) is not in the history chain (added outside the program).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>{thing} đã bị xóa ngoài chương trình.</source>
        <translation>{thing} was deleted outside the program.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>{thing} không có trong chuỗi lịch sử (được thêm ngoài chương trình).</source>
        <translation>{thing} is not in the history chain (added outside the program).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Thiếu mắt xích số {first} đến {last} của chuỗi lịch sử (đã bị xóa).</source>
        <translation>Links no. {first} to {last} of the history chain are missing (deleted).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Mắt xích số {seq} ({what}) đã bị sửa.</source>
        <translation>Link no. {seq} ({what}) was edited.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code}: sự kiện số {event} đã bị xóa.</source>
        <translation>Dossier {code}: event no. {event} was deleted.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>Hồ sơ {code}: sự kiện số {event} được ghi hai lần trong chuỗi lịch sử.</source>
        <translation>Dossier {code}: event no. {event} is recorded twice in the history chain.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/audit.py</extracomment>
        <source>{thing} đã bị sửa ngoài chương trình.</source>
        <translation>{thing} was edited outside the program.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/authority.py</extracomment>
        <source>Đang đăng nhập bằng tài khoản {account}: không ghi nhận thay cho cán bộ {other} được.</source>
        <translation>Logged in as {account}: cannot record on behalf of officer {other}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Đã có cơ sở dữ liệu '{path}': phục hồi sẽ thay nó. Đóng chương trình trên máy này rồi xác nhận thay thế (cơ sở dữ liệu hiện tại được giữ lại bên cạnh, không bị xóa).</source>
        <translation>The database '{path}' already exists: a restore replaces it. Close the program on this PC, then confirm the replacement (the current database is kept beside it, not deleted).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Đã có tệp '{path}': không ghi đè bản sao lưu; hãy chọn tên hoặc thư mục khác.</source>
        <translation>The file '{path}' already exists: a backup never overwrites; choose another name or folder.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Bản sao lưu vừa tạo không đạt kiểm tra ({problem}): đã bỏ, các bản cũ giữ nguyên.</source>
        <translation>The backup just made failed its check ({problem}): it was discarded, the older ones are unchanged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Không tìm thấy bản sao lưu '{path}'.</source>
        <translation>The backup '{path}' was not found.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Tệp '{path}' không phải bản sao lưu dùng được ({problem}): không phục hồi gì.</source>
        <translation>The file '{path}' is not a usable backup ({problem}): nothing was restored.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Bản sao lưu và cơ sở dữ liệu đích là một tệp.</source>
        <translation>The backup and the target database are the same file.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Máy này không có pg_dump nên chưa sao lưu được máy chủ: sao lưu ngay trên máy chủ bằng 'pg_dump -Fc', hoặc cài công cụ PostgreSQL (client) cho máy này.</source>
        <translation>This PC has no pg_dump, so the server was not backed up: back it up on the server itself with 'pg_dump -Fc', or install the PostgreSQL client tools on this PC.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>pg_dump không sao lưu được máy chủ: {text}.</source>
        <translation>pg_dump could not back up the server: {text}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Không ghi được bản sao lưu '{path}': {error}.</source>
        <translation>Could not write the backup '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Bản chép ra không đạt kiểm tra: không phục hồi gì.</source>
        <translation>The copy failed its check: nothing was restored.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/backup.py</extracomment>
        <source>Không phục hồi được vào '{path}': {error}.</source>
        <translation>Could not restore into '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Chỉ cơ quan cấp trên mới thêm hoặc bỏ thông báo lịch chính thức (thông báo được gửi đến các đơn vị trong gói cấu hình); tại đơn vị hãy thêm điều chỉnh của đơn vị.</source>
        <translation>Only the upstream office adds or removes official calendar announcements (they are sent to the units in the configuration package); at a unit, add a change of the unit instead.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Thông báo lịch của cấp trên lưu trong cơ sở dữ liệu không hợp lệ ({reason}); hãy nhập lại gói cấu hình mới nhất của cấp trên.</source>
        <translation>The upstream office's calendar announcements stored in the database are not valid ({reason}); import the upstream office's latest configuration package again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Ngày {day:%d/%m/%Y} nằm ngoài lịch ({first_year}–{last_year}).</source>
        <translation>Date {day:%d/%m/%Y} is outside the calendar ({first_year}–{last_year}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Năm {year} nằm ngoài lịch ({first_year}–{last_year}).</source>
        <translation>Year {year} is outside the calendar ({first_year}–{last_year}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Năm đã chọn nằm ngoài lịch làm việc của chương trình.</source>
        <translation>The chosen year is outside the program's working calendar.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Ngày {day:%d/%m/%Y} không có điều chỉnh nào.</source>
        <translation>Date {day:%d/%m/%Y} has no adjustment.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Ngày {day:%d/%m/%Y} đã có thông báo lịch; hãy bỏ thông báo cũ trước khi thêm thông báo mới.</source>
        <translation>{day:%d/%m/%Y} already has a calendar announcement; remove the old one before adding a new one.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/calendar.py</extracomment>
        <source>Ngày {day:%d/%m/%Y} không có thông báo lịch nào.</source>
        <translation>{day:%d/%m/%Y} has no calendar announcement.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/catalog_import.py</extracomment>
        <source>danh mục</source>
        <translation>catalog</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/catalog_import.py, mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp '{path}' là bảng tính Excel dạng cũ (.xls) hoặc có đặt mật khẩu: hãy mở bằng Excel và lưu lại dạng .xlsx, không đặt mật khẩu.</source>
        <translation>File '{path}' is an old-style Excel workbook (.xls) or is password-protected: open it in Excel and save it again as .xlsx, without a password.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/catalog_import.py, mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp '{path}' không phải tệp Excel (.xlsx) đọc được.</source>
        <translation>File '{path}' is not a readable Excel (.xlsx) file.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/catalog_import.py</extracomment>
        <source>Tệp danh mục '{path}' không phải văn bản UTF-8 (bảng mã Unicode).</source>
        <translation>The catalog file '{path}' is not UTF-8 (Unicode) text.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/catalog_import.py</extracomment>
        <source>Tệp danh mục '{path}' lồng nhau quá sâu (hơn {limit} cấp): không phải một danh mục.</source>
        <translation>Catalog file '{path}' is nested too deep (more than {limit} levels): it is not a catalog.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/catalog_import.py</extracomment>
        <source>Tệp danh mục '{path}' không đúng định dạng JSON (lỗi ở dòng {line}, cột {column}).</source>
        <translation>The catalog file '{path}' is not valid JSON (error at line {line}, column {column}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/catalog_import.py</extracomment>
        <source>Danh mục thủ tục đã thay đổi sau khi xem trước (thủ tục {codes}): hãy xem lại các thay đổi rồi áp dụng.</source>
        <translation>The procedure catalog changed after the preview (procedures {codes}): review the changes again, then apply.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>Tên hoặc địa chỉ máy chủ '{host}' không hợp lệ.</source>
        <translation>The server name or address '{host}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>Cổng '{port}' phải là một số từ 1 đến 65535.</source>
        <translation>The port '{port}' must be a number from 1 to 65535.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>Tên cơ sở dữ liệu '{name}' không hợp lệ (chữ không dấu, số, '_', '.', '-').</source>
        <translation>The database name '{name}' is not valid (letters without diacritics, digits, '_', '.', '-').</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>Tên người dùng '{name}' không hợp lệ (chữ không dấu, số, '_', '.', '-').</source>
        <translation>The user name '{name}' is not valid (letters without diacritics, digits, '_', '.', '-').</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>Không tìm thấy mật khẩu của máy chủ {server} trong kho mật khẩu của hệ điều hành: xóa tệp '{path}' rồi mở lại chương trình để nhập lại.</source>
        <translation>The password of server {server} is not in the operating system's credential store: delete the file '{path}', then open the program again to enter it.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>Tệp thiết lập kết nối '{path}' bị hỏng: xóa tệp đó rồi mở lại chương trình để chọn lại cơ sở dữ liệu.</source>
        <translation>The connection settings file '{path}' is damaged: delete it, then open the program again to choose the database again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>Không cất được mật khẩu vào kho mật khẩu của hệ điều hành ({error}): chưa lưu kết nối.</source>
        <translation>The password could not be kept in the operating system's credential store ({error}): the connection was not saved.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/connection.py</extracomment>
        <source>thiết lập kết nối</source>
        <translation>connection settings</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/counter.py</extracomment>
        <source>Thiếu lý do từ chối tiếp nhận.</source>
        <translation>The reason for refusing the dossier is missing.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/counter.py</extracomment>
        <source>Lý do từ chối quá dài (tối đa {limit} ký tự).</source>
        <translation>The reason for the refusal is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/counter.py</extracomment>
        <source>Không có phiếu từ chối tại quầy số {id}.</source>
        <translation>There is no counter refusal number {id}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/counter.py</extracomment>
        <source>Ngày cuối ({end:%d/%m/%Y}) trước ngày đầu ({start:%d/%m/%Y}).</source>
        <translation>The last day ({end:%d/%m/%Y}) is before the first day ({start:%d/%m/%Y}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/counter.py</extracomment>
        <source>Chỉ liệt kê được tối đa {days} ngày một lần.</source>
        <translation>At most {days} days can be listed at a time.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/counter.py, mohao_desk/services/desk.py</extracomment>
        <source>Không có thủ tục mã '{procedure_code}' trong danh mục.</source>
        <translation>There is no procedure with code '{procedure_code}' in the catalog.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/demo.py</extracomment>
        <source>Số hồ sơ mẫu phải từ 0 đến {limit}.</source>
        <translation>The number of sample dossiers must be between 0 and {limit}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/demo.py</extracomment>
        <source>Mốc thời gian dữ liệu mẫu phải trong khoảng {first:%d/%m/%Y}–{last:%d/%m/%Y}.</source>
        <translation>The sample data moment must be between {first:%d/%m/%Y} and {last:%d/%m/%Y}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/demo.py</extracomment>
        <source>Cơ sở dữ liệu đã thuộc đơn vị {code}, không thể thêm dữ liệu mẫu cho {unit_code}.</source>
        <translation>The database already belongs to unit {code}; sample data cannot be added for {unit_code}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/demo.py</extracomment>
        <source>Danh mục không có thủ tục nào để tạo dữ liệu mẫu.</source>
        <translation>The catalog has no procedure to make sample data with.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Phải chỉ rõ người nhận hoặc cơ quan nhận.</source>
        <translation>Name the officer or the body that receives the dossier.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Phải liệt kê ít nhất một giấy tờ cần bổ sung.</source>
        <translation>List at least one paper to be supplemented.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Cơ sở dữ liệu của cơ quan cấp trên chỉ chứa số liệu các đơn vị gửi lên: không tiếp nhận hay xử lý hồ sơ ở đây.</source>
        <translation>The upstream office's database only holds the figures the units send: dossiers are not received or processed here.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>tên giấy tờ cần bổ sung</source>
        <translation>name of the paper to supplement</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Số lượng trong '{text}' phải từ 1 đến 99.</source>
        <translation>The number in '{text}' must be between 1 and 99.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Thiếu {what}.</source>
        <translation>Missing {what}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>{what} quá dài (tối đa {limit} ký tự).</source>
        <translation>{what} is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>họ tên người nộp</source>
        <translation>applicant's full name</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>số điện thoại</source>
        <translation>phone number</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py, mohao_desk/services/settings.py</extracomment>
        <source>Số điện thoại '{phone}' không hợp lệ.</source>
        <translation>Phone number '{phone}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>thư điện tử</source>
        <translation>email</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Địa chỉ thư điện tử '{email}' không hợp lệ.</source>
        <translation>Email address '{email}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Số lượng trong '{text}' không hợp lệ.</source>
        <translation>The number in '{text}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>{what} chỉ gồm ký tự không hiển thị được: hãy nhập lại.</source>
        <translation>{what} is made only of characters that cannot be seen: type it again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>địa chỉ</source>
        <translation>address</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Không có cán bộ với tên đăng nhập '{username}'.</source>
        <translation>There is no officer with username '{username}'.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>số giấy tờ tùy thân</source>
        <translation>identity document number</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Số giấy tờ tùy thân '{id_number}' không hợp lệ.</source>
        <translation>Identity document number '{id_number}' is not valid.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Số bộ hồ sơ phải từ 1 đến 99.</source>
        <translation>The number of dossier sets must be between 1 and 99.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py, mohao_desk/services/listing.py</extracomment>
        <source>Danh sách '{view}' không tồn tại.</source>
        <translation>List '{view}' does not exist.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>tên cơ quan nhận</source>
        <translation>name of the receiving body</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>lý do</source>
        <translation>reason</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Chỉ hồ sơ theo Nghị định 118/2025/NĐ-CP mới có thủ tục dừng giải quyết.</source>
        <translation>Only dossiers under Decree 118/2025/NĐ-CP can be stopped.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>lý do chậm trễ</source>
        <translation>reason for the delay</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Mức đánh giá '{rating}' không hợp lệ ({ratings}).</source>
        <translation>Rating '{rating}' is not valid ({ratings}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Chọn đúng một: số thứ tự thành phần hồ sơ hoặc kết quả.</source>
        <translation>Choose exactly one: the number of a dossier component, or the result.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Không tìm thấy tệp '{file}'.</source>
        <translation>File '{file}' not found.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>tên tệp</source>
        <translation>the file name</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Tệp '{file}' lớn quá ({size} MB; tối đa {limit} MB một tệp): hãy quét lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp.</source>
        <translation>The file '{file}' is too large ({size} MB; at most {limit} MB per file): scan it again at a lower resolution or split it into several files.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Không tìm thấy nội dung tệp '{file}' của hồ sơ {code} (hoặc nội dung đã bị thay đổi) trong dữ liệu của đơn vị.</source>
        <translation>The content of the file '{file}' of dossier {code} is not in the unit's data (or it has been changed).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Thời điểm {at:%H:%M %d/%m/%Y} ở tương lai.</source>
        <translation>Moment {at:%H:%M %d/%m/%Y} is in the future.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Thủ tục '{name}' không có thời hạn xác minh riêng.</source>
        <translation>Procedure '{name}' has no separate verification time.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Không tìm thấy hồ sơ mã '{code}'.</source>
        <translation>Dossier '{code}' not found.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Thời điểm {moment:%H:%M %d/%m/%Y} trước thao tác gần nhất của hồ sơ ({last:%H:%M %d/%m/%Y}).</source>
        <translation>Moment {moment:%H:%M %d/%m/%Y} is before the dossier's last act ({last:%H:%M %d/%m/%Y}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Tên tệp '{file}' không phải chữ Unicode (UTF-8): hãy đổi tên tệp rồi số hóa lại.</source>
        <translation>The file name '{file}' is not Unicode text (UTF-8): rename the file, then scan it again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Hồ sơ {code} không có tệp số hóa này.</source>
        <translation>Dossier {code} has no such digitized file.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>ghi chú</source>
        <translation>note</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Chỉ số hóa kết quả khi hồ sơ đã có kết quả.</source>
        <translation>The result can only be digitized once the dossier has a result.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>Hồ sơ không có thành phần số {component} (có {count} thành phần).</source>
        <translation>The dossier has no component no. {component} (it has {count} components).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>tên thành phần hồ sơ</source>
        <translation>the name of the dossier component</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/desk.py</extracomment>
        <source>lý do ngoại lệ</source>
        <translation>reason for the exception</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py, mohao_desk/services/settings.py</extracomment>
        <source>Không có chế độ pháp lý '{code}'.</source>
        <translation>There is no legal regime '{code}'.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py</extracomment>
        <source>Loại văn bản '{kind}' không tồn tại ({kinds}).</source>
        <translation>Document kind '{kind}' does not exist ({kinds}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py</extracomment>
        <source>Hồ sơ {code} chưa có yêu cầu bổ sung nào; ghi nhận yêu cầu bổ sung trước.</source>
        <translation>Dossier {code} has no supplement request; record the supplement request first.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py</extracomment>
        <source>Hồ sơ {code} đang ở trạng thái '{status}', không phải hồ sơ bị từ chối: không lập Phiếu từ chối. Ghi nhận từ chối giải quyết trước.</source>
        <translation>Dossier {code} is '{status}', not refused: no refusal slip is made. Record the refusal first.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py</extracomment>
        <source>Hồ sơ {code} chưa ghi nhận xin lỗi: ghi nhận xin lỗi, với lý do và ngày hẹn mới, trước khi in phiếu.</source>
        <translation>Dossier {code} has no apology recorded: record the apology, with its reason and new return date, before printing the slip.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py</extracomment>
        <source>Hồ sơ {code} thuộc {name}: không có Thông báo dừng giải quyết hồ sơ.</source>
        <translation>Dossier {code} falls under {name}: it has no notice of stopping.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py</extracomment>
        <source>Hồ sơ {code} chưa dừng giải quyết; ghi nhận dừng giải quyết trước khi in.</source>
        <translation>Dossier {code} has not been stopped; record the stop before printing.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/documents.py</extracomment>
        <source>Hồ sơ {code} không quá hạn và không sắp đến hạn: không lập phiếu xin lỗi.</source>
        <translation>Dossier {code} is neither overdue nor due soon: no apology slip is made.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Đích chuyển phải là máy chủ PostgreSQL (postgresql+psycopg://…).</source>
        <translation>The target must be a PostgreSQL server (postgresql+psycopg://…).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Nguồn chuyển phải là tệp dữ liệu SQLite của đơn vị.</source>
        <translation>The source must be the unit's SQLite data file.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Tệp dữ liệu nguồn chưa có đơn vị nào: không có gì để chuyển.</source>
        <translation>The source data file has no unit yet: there is nothing to move.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Thiếu {count} tệp đính kèm trong thư mục dữ liệu của tệp nguồn (ví dụ {sha}): chép đủ thư mục rồi chuyển lại.</source>
        <translation>{count} attachment files are missing from the source's data folder (for example {sha}): copy the whole folder, then move again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Cơ sở dữ liệu đích đã có dữ liệu ({tables}): chỉ chuyển vào một cơ sở dữ liệu mới, chưa thiết lập đơn vị nào.</source>
        <translation>The target database already holds data ({tables}): move only into a new database on which no unit was set up.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Số dòng sau khi chuyển không khớp: đã hủy, máy chủ không đổi.</source>
        <translation>The row counts after the move do not match: cancelled, the server is unchanged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Quá trình xử lý hồ sơ sau khi chuyển không khớp: đã hủy, máy chủ không đổi.</source>
        <translation>The dossiers' histories after the move do not match: cancelled, the server is unchanged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Số tệp đính kèm trên máy chủ không khớp sau khi chuyển: đã hủy, máy chủ không đổi.</source>
        <translation>The number of attachment files on the server does not match after the move: cancelled, the server is unchanged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/migrate.py</extracomment>
        <source>Tệp đính kèm {sha} trong thư mục dữ liệu của tệp nguồn bị sai nội dung (không khớp mã băm đã ghi): đã hủy, máy chủ không đổi.</source>
        <translation>The attachment file {sha} in the source file's data folder has wrong content (it does not match the recorded hash): cancelled, the server is unchanged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reconcile.py</extracomment>
        <source>danh sách hồ sơ của hệ thống</source>
        <translation>the system's dossier list</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reconcile.py, mohao_desk/services/statistics.py</extracomment>
        <source>Định dạng '{fmt}' không hỗ trợ (json, xlsx, pdf).</source>
        <translation>Format '{fmt}' is not supported (json, xlsx, pdf).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reconcile.py</extracomment>
        <source>Không mã hồ sơ nào trong tệp '{file}' ({rows} hồ sơ) có tại Bộ phận, trong khi Bộ phận có {here} hồ sơ tiếp nhận từ {low:%d/%m/%Y} đến {high:%d/%m/%Y}: có phải tệp của đơn vị khác, hoặc cột mã hồ sơ chưa đúng? Chưa ghi lại lần đối chiếu này.</source>
        <translation>Not one dossier code of the file '{file}' ({rows} dossiers) is at the desk, while the desk has {here} dossiers received from {low:%d/%m/%Y} to {high:%d/%m/%Y}: is it another unit's file, or is the code column wrong? This reconciliation was not recorded.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reconcile.py</extracomment>
        <source>Tệp '{path}' không đối chiếu được: {reason}</source>
        <translation>File '{path}' cannot be reconciled: {reason}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reconcile.py, mohao_desk/ui/pdf_preview.py</extracomment>
        <source>Không lưu được tệp '{path}': {error}.</source>
        <translation>Could not save the file '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reports.py</extracomment>
        <source>Đây là cơ sở dữ liệu của cơ quan cấp trên: chọn đơn vị cần lập báo cáo giải trình.</source>
        <translation>This is the upstream office's database: choose the unit for the explanation report.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reports.py</extracomment>
        <source>Ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.</source>
        <translation>The end date {end:%d/%m/%Y} is before the start date {start:%d/%m/%Y}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reports.py</extracomment>
        <source>Khoảng thời gian {start:%d/%m/%Y}–{end:%d/%m/%Y} dài {days} ngày, quá giới hạn {limit} ngày: chia thành nhiều khoảng ngắn hơn.</source>
        <translation>The range {start:%d/%m/%Y}–{end:%d/%m/%Y} is {days} days long, over the limit of {limit} days: split it into shorter ranges.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reports.py</extracomment>
        <source>Ngày bắt đầu {start:%d/%m/%Y} ở tương lai.</source>
        <translation>The start date {start:%d/%m/%Y} is in the future.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reports.py</extracomment>
        <source>Ngày {day:%d/%m/%Y} chưa đến: không lập danh sách cho ngày sau.</source>
        <translation>{day:%d/%m/%Y} has not come yet: no list is made for a later day.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reports.py</extracomment>
        <source>Không có đơn vị mã '{unit}' trong cơ sở dữ liệu này.</source>
        <translation>There is no unit with code '{unit}' in this database.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/reports.py</extracomment>
        <source>Khoảng {start:%d/%m/%Y}–{end:%d/%m/%Y} có {total} hồ sơ, quá {limit} dòng một lần in: chọn khoảng ngày ngắn hơn.</source>
        <translation>The range {start:%d/%m/%Y}–{end:%d/%m/%Y} has {total} dossiers, more than the {limit} rows printed at once: choose a shorter range.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Tên cơ quan '{name}…' dài quá {limit} ký tự.</source>
        <translation>The body name '{name}…' is longer than {limit} characters.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>'{name}' là cơ quan cấp huyện, đã kết thúc hoạt động từ 01/07/2025: không dùng cho {where}. Ghi Ủy ban nhân dân tỉnh (hoặc thành phố trực thuộc trung ương).</source>
        <translation>'{name}' is a district-level body, which ceased to exist on 01/07/2025: it cannot be used for {where}. Enter the provincial People's Committee (or that of a centrally governed city).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Không có cán bộ với tên đăng nhập này.</source>
        <translation>There is no officer with this username.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Giờ làm việc phải có ít nhất một buổi.</source>
        <translation>Office hours need at least one session.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Giờ làm việc có nhiều nhất hai buổi (sáng và chiều).</source>
        <translation>Office hours have at most two sessions (morning and afternoon).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Thời gian tự khóa phải từ 0 (không khóa) đến {limit} phút.</source>
        <translation>The lock time must be from 0 (never) to {limit} minutes.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>tên tỉnh</source>
        <translation>the province's name</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py, mohao_desk/services/setup.py</extracomment>
        <source>Họ tên cán bộ không được để trống.</source>
        <translation>The officer's full name must not be empty.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Không thể ngừng hoạt động cán bộ mặc định của đơn vị; hãy chọn cán bộ mặc định khác trước.</source>
        <translation>The unit's default officer cannot be deactivated; choose another default officer first.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Buổi chiều: giờ bắt đầu phải trước giờ kết thúc.</source>
        <translation>Afternoon: the start must be before the end.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Buổi chiều phải bắt đầu sau giờ kết thúc buổi sáng (làm việc liên tục thì chỉ dùng một buổi).</source>
        <translation>The afternoon must start after the morning ends (for continuous hours use one session).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>Buổi sáng: giờ bắt đầu phải trước giờ kết thúc.</source>
        <translation>Morning: the start must be before the end.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/settings.py</extracomment>
        <source>chế độ {code} ({regime})</source>
        <translation>regime {code} ({regime})</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Cơ sở dữ liệu chưa được thiết lập đơn vị.</source>
        <translation>The database has no unit set up yet.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Mật khẩu phải có ít nhất {minimum} ký tự.</source>
        <translation>A password must have at least {minimum} characters.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Tên đơn vị không được để trống.</source>
        <translation>The unit name must not be empty.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Tên đăng nhập '{username}' không hợp lệ (không dấu cách, tối đa 64).</source>
        <translation>Username '{username}' is not valid (no spaces, at most 64 characters).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Đã có cán bộ với tên đăng nhập '{username}'.</source>
        <translation>There is already an officer with username '{username}'.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Cơ sở dữ liệu này đã được thiết lập cho một đơn vị.</source>
        <translation>This database has already been set up for a unit.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Tài khoản quản trị cần vai trò quản trị và mật khẩu.</source>
        <translation>The administrator's account needs the administrator role and a password.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Cán bộ mặc định phải là một cán bộ đang làm việc của đơn vị.</source>
        <translation>The default officer must be an active officer of the unit.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Chức danh người ký phải có ít nhất một dòng.</source>
        <translation>The signer's title needs at least one line.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/setup.py</extracomment>
        <source>Chức danh người ký: tối đa 4 dòng, mỗi dòng 80 ký tự.</source>
        <translation>Signer's title: at most 4 lines of 80 characters each.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp Excel '{path}' bị hỏng, không đọc được.</source>
        <translation>Excel file '{path}' is damaged and cannot be read.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp Excel '{path}' có quá nhiều trang ({count}, tối đa {limit}).</source>
        <translation>Excel file '{path}' has too many sheets ({count}, at most {limit}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Trang '{sheet}' của tệp '{path}' có quá nhiều dòng (tối đa {limit}).</source>
        <translation>Sheet '{sheet}' of file '{path}' has too many rows (at most {limit}).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp Excel '{path}' khi giải nén quá lớn (hơn {limit} byte): không đọc.</source>
        <translation>Excel file '{path}' is too large once unpacked (more than {limit} bytes): not read.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp '{path}' không phải bảng tính đọc được (cần tệp Excel .xlsx, .xls hoặc tệp văn bản .csv).</source>
        <translation>File '{path}' is not a readable spreadsheet (an Excel .xlsx or .xls file or a .csv text file is needed).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp Excel '{path}' có quá nhiều phần ({count}): không phải một bảng tính thông thường.</source>
        <translation>Excel file '{path}' has too many parts ({count}): it is not an ordinary workbook.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp '{path}' không phải bảng tính đọc được (dòng {row} sai định dạng CSV).</source>
        <translation>File '{path}' is not a readable spreadsheet (line {row} is not valid CSV).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/spreadsheet.py</extracomment>
        <source>Tệp Excel '{path}' có khai báo DOCTYPE/ENTITY trong XML (dấu hiệu tệp độc hại): không đọc.</source>
        <translation>Excel file '{path}' declares a DOCTYPE/ENTITY in its XML (a sign of a malicious file): not read.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Chọn kỳ báo cáo theo loại kỳ hoặc theo ngày bắt đầu và ngày kết thúc, không cả hai.</source>
        <translation>Choose the report period either by its kind or by its start and end dates, not both.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Kỳ báo cáo theo loại kỳ cần năm.</source>
        <translation>A report period chosen by its kind needs a year.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Năm và số tháng hay quý chỉ dùng cùng loại kỳ báo cáo.</source>
        <translation>The year and the month or quarter number only go with a kind of report period.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Cần kỳ báo cáo: ngày bắt đầu và ngày kết thúc, hoặc loại kỳ và năm.</source>
        <translation>A report period is needed: start and end dates, or a kind of period and a year.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Không có đơn vị mã '{code}' trong cơ sở dữ liệu.</source>
        <translation>There is no unit with code '{code}' in the database.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Kỳ báo cáo dài tối đa 3 năm.</source>
        <translation>A report period is at most 3 years long.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Ngày bắt đầu kỳ báo cáo {first:%d/%m/%Y} ở tương lai.</source>
        <translation>The start of the report period {first:%d/%m/%Y} is in the future.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/statistics.py</extracomment>
        <source>Định dạng '{fmt}' không hỗ trợ cho chỉ số (json, pdf).</source>
        <translation>Format '{fmt}' is not supported for the indicators (json, pdf).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Đơn vị {name} ({unit_code}) đã được đăng ký với khóa {trusted}, khác khóa trong tệp ({offered}). Nếu đơn vị đã cài lại chương trình, hãy xác nhận dấu vân tay với đơn vị rồi thay bằng khóa mới.</source>
        <translation>Unit {name} ({unit_code}) is registered with key {trusted}, which differs from the key in the file ({offered}). If the unit has reinstalled the program, confirm the fingerprint with the unit, then replace the key with the new one.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Đây là cơ sở dữ liệu của cơ quan cấp trên: ở đây chỉ xuất gói cấu hình (danh mục, lịch) cho các đơn vị, không xuất gói hồ sơ.</source>
        <translation>This is the upstream office's database: it exports configuration packages (catalog, calendar) for the units, not dossier packages.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Chỉ cơ sở dữ liệu của cơ quan cấp trên mới xuất được gói cấu hình.</source>
        <translation>Only an upstream office's database can export configuration packages.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Thư mục '{folder}' đã có tệp '{file}': không ghi đè. Hãy chọn thư mục khác, hoặc chuyển tệp cũ ra chỗ khác rồi xuất lại.</source>
        <translation>Folder '{folder}' already has a file '{file}': it is not overwritten. Choose another folder, or move the old file elsewhere and export again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Cần mật khẩu khóa ký của đơn vị để ký gói.</source>
        <translation>The unit's signing-key passphrase is needed to sign the package.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Đơn vị chưa có khóa ký: cần đặt mật khẩu cho khóa ký mới (người quản trị giữ mật khẩu này).</source>
        <translation>The unit has no signing key yet: set a passphrase for the new key (the administrator keeps it).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Lịch sử đã gửi của đơn vị {unit_name} ({unit_code}) đã bị sửa: gói số {sequence} cho biết mắt xích số {seq} của chuỗi lịch sử nay khác với lúc gửi gói số {previous}. Gói vẫn được nhập; hãy đề nghị đơn vị giải trình.</source>
        <translation>The history already sent by {unit_name} ({unit_code}) was rewritten: package no. {sequence} shows that link no. {seq} of its history chain now differs from when package no. {previous} was sent. The package is imported all the same; ask the unit to explain.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Lịch sử đã gửi của đơn vị {unit_name} ({unit_code}) đã bị sửa: gói số {previous} kết thúc ở mắt xích số {seq} của chuỗi lịch sử, gói số {sequence} lại nói gói trước kết thúc ở số {claimed}. Gói vẫn được nhập; hãy đề nghị đơn vị giải trình.</source>
        <translation>The history already sent by {unit_name} ({unit_code}) was rewritten: package no. {previous} ended at link no. {seq} of its history chain, but package no. {sequence} says the previous one ended at no. {claimed}. The package is imported all the same; ask the unit to explain.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>hồ sơ {code}, cột '{column}': {problem}</source>
        <translation>dossier {code}, column '{column}': {problem}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>'{out}' không phải là thư mục.</source>
        <translation>'{out}' is not a folder.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>khóa</source>
        <translation>key</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Không có gói nào để nhập.</source>
        <translation>There are no packages to import.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>tối đa {limit} byte</source>
        <translation>at most {limit} bytes</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>đây là gói cấu hình của cơ quan cấp trên, chỉ nhập tại Bộ phận Một cửa</source>
        <translation>this is a configuration package from the upstream office, imported only at a One-Stop Desk</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>đây là gói hồ sơ của Bộ phận Một cửa, chỉ nhập tại cơ quan cấp trên</source>
        <translation>this is a dossier package from a One-Stop Desk, imported only at the upstream office</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>{unit_name} ({unit_code}); hãy đăng ký tệp khóa công khai của đơn vị trước</source>
        <translation>{unit_name} ({unit_code}); register the unit's public key file first</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Tệp khóa '{name}' là khóa của cơ quan cấp trên; cơ sở dữ liệu cơ quan cấp trên này chỉ đăng ký khóa của một Bộ phận Một cửa.</source>
        <translation>Key file '{name}' belongs to an upstream office; this upstream office's database only registers the keys of One-Stop Desks.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Tệp khóa '{name}' là khóa của Bộ phận Một cửa; cơ sở dữ liệu Bộ phận Một cửa này chỉ đăng ký khóa của cơ quan cấp trên.</source>
        <translation>Key file '{name}' belongs to a One-Stop Desk; this One-Stop Desk's database only registers the key of its upstream office.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Tệp khóa '{name}' là khóa của chính đơn vị này.</source>
        <translation>Key file '{name}' is this unit's own key.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Không đọc được tệp '{path}': {error}.</source>
        <translation>Could not read file '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>gói số {sequence} của {unit_name} đã nhập trước đây</source>
        <translation>package no. {sequence} of {unit_name} was imported before</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>gói số {sequence} của {unit_name} có trong tệp '{other}'</source>
        <translation>package no. {sequence} of {unit_name} is in file '{other}'</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>gói số {sequence} của {unit_name} có mã băm khác</source>
        <translation>package no. {sequence} of {unit_name} has a different hash</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>gói số {sequence} của {unit_name} không nối tiếp gói này</source>
        <translation>package no. {sequence} of {unit_name} does not follow this package</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Một lần xuất gói khác vừa chạy cùng lúc; hãy xuất lại.</source>
        <translation>Another export ran at the same time; export again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>gói</source>
        <translation>package</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>tiếp nhận sau khi lập gói</source>
        <translation>received after the package was made</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>hạn giải quyết trước khi tiếp nhận</source>
        <translation>deadline before receipt</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>có kết quả trước khi tiếp nhận hoặc sau khi lập gói</source>
        <translation>result before receipt or after the package was made</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>cập nhật sau khi lập gói</source>
        <translation>updated after the package was made</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Khóa tin cậy vừa bị thay đổi trong khi nhập gói; hãy nhập lại.</source>
        <translation>A trusted key was changed during the import; import again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>chế độ pháp lý không xác định: {regimes}</source>
        <translation>unknown legal regimes: {regimes}</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>có thời điểm trả kết quả khi hồ sơ chưa xong</source>
        <translation>a return time on a dossier still open</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>trả kết quả trước khi tiếp nhận, trước khi có kết quả hoặc sau khi lập gói</source>
        <translation>returned before receipt, before the result or after the package was made</translation>
    </message>
    <message>
        <extracomment>mohao_desk/services/sync.py</extracomment>
        <source>Một lần nhập gói khác vừa chạy cùng lúc; hãy nhập lại.</source>
        <translation>Another import ran at the same time; import again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py, mohao_desk/store/gate.py</extracomment>
        <source>Cơ sở dữ liệu '{path}' đang bị chương trình khác ghi; hãy thử lại sau ít phút.</source>
        <translation>Database '{path}' is being written by another program; try again in a few minutes.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Không kết nối được máy chủ cơ sở dữ liệu '{server}': {text}.</source>
        <translation>Could not connect to the database server '{server}': {text}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py, mohao_desk/store/gate.py</extracomment>
        <source>Không mở được cơ sở dữ liệu '{path}' (kiểm tra quyền truy cập).</source>
        <translation>Could not open database '{path}' (check the access rights).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Không tìm thấy cơ sở dữ liệu '{path}'.</source>
        <translation>Database '{path}' not found.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>'{path}' là một thư mục, không phải tệp cơ sở dữ liệu.</source>
        <translation>'{path}' is a folder, not a database file.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Tệp '{path}' là cơ sở dữ liệu SQLite của chương trình khác.</source>
        <translation>File '{path}' is another program's SQLite database.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Cơ sở dữ liệu '{path}' được tạo bởi phiên bản mohao_desk mới hơn (lược đồ {schema}). Hãy cập nhật chương trình; dữ liệu không bị thay đổi.</source>
        <translation>Database '{path}' was made by a newer version of mohao_desk (schema {schema}). Update the program; the data has not been changed.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Bản sao lưu của '{path}' trước khi nâng cấp lược đồ (từ {revision}) không đạt kiểm tra ({problem}). Chưa nâng cấp; dữ liệu không bị thay đổi.</source>
        <translation>The backup of '{path}' taken before the schema upgrade (from {revision}) failed its check ({problem}). Not upgraded; the data is unchanged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Địa chỉ máy chủ cơ sở dữ liệu '{url}' không hợp lệ (dạng postgresql+psycopg://người_dùng:mật_khẩu@máy_chủ:cổng/tên_cơ_sở_dữ_liệu).</source>
        <translation>Invalid database server address '{url}' (expected postgresql+psycopg://user:password@host:port/database_name).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Không kết nối được máy chủ cơ sở dữ liệu '{server}' ({text}): việc này chưa được ghi; hãy làm lại khi máy chủ kết nối được.</source>
        <translation>Cannot reach the database server '{server}' ({text}): this was not recorded; do it again when the server can be reached.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Mất kết nối máy chủ cơ sở dữ liệu '{server}' giữa chừng ({text}): khi kết nối lại, hãy xem lại hồ sơ để biết việc đã được ghi chưa.</source>
        <translation>The connection to the database server '{server}' was lost midway ({text}): once connected again, look at the dossier to see whether it was recorded.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Không truy cập được '{path}': {error}.</source>
        <translation>Could not access '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Tệp '{path}' chưa phải là cơ sở dữ liệu mohao_desk (rỗng hoặc chưa thiết lập).</source>
        <translation>File '{path}' is not a mohao_desk database yet (empty or not set up).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Không sao lưu được cơ sở dữ liệu '{path}' trước khi nâng cấp lược đồ (từ {revision}) vào '{backup}': {error}. Chưa nâng cấp; dữ liệu không bị thay đổi.</source>
        <translation>Could not back up the database '{path}' into '{backup}' before the schema upgrade (from {revision}): {error}. Not upgraded; the data is unchanged.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Không tạo được cơ sở dữ liệu '{path}': {error}.</source>
        <translation>Could not create the database '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Cơ sở dữ liệu '{path}' trên máy chủ chứa bảng của chương trình khác.</source>
        <translation>Database '{path}' on the server holds another program's tables.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Cơ sở dữ liệu '{path}' trên máy chủ còn trống (chưa thiết lập mohao_desk).</source>
        <translation>Database '{path}' on the server is empty (mohao_desk not set up yet).</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/db.py</extracomment>
        <source>Không tạo được thư mục '{parent}': {error}.</source>
        <translation>Could not create folder '{parent}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/files.py</extracomment>
        <source>số hóa</source>
        <translation>scan</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/files.py</extracomment>
        <source>Tệp '{file}' đã thay đổi trong lúc số hóa; hãy chọn lại tệp.</source>
        <translation>The file '{file}' changed while it was being digitized; choose the file again.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/files.py</extracomment>
        <source>Không lưu được bản sao tệp '{file}' vào thư mục dữ liệu: {error}; hồ sơ chưa được ghi số hóa.</source>
        <translation>Could not save a copy of file '{file}' in the data folder: {error}; the dossier was not marked as scanned.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/gate.py</extracomment>
        <source>Cơ sở dữ liệu '{path}' bị hỏng (không đọc được nội dung): hãy khôi phục từ bản sao lưu.</source>
        <translation>Database '{path}' is damaged (its content cannot be read): restore it from a backup.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/gate.py</extracomment>
        <source>Lỗi cơ sở dữ liệu '{path}': {text}.</source>
        <translation>Database error '{path}': {text}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/gate.py</extracomment>
        <source>Không ghi được cơ sở dữ liệu '{path}': tệp chỉ cho phép đọc.</source>
        <translation>Could not write database '{path}': the file is read-only.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/gate.py</extracomment>
        <source>Ổ đĩa chứa cơ sở dữ liệu '{path}' đã đầy.</source>
        <translation>The disk holding database '{path}' is full.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/gate.py</extracomment>
        <source>Không mở được cơ sở dữ liệu '{path}': {error}.</source>
        <translation>Could not open database '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/gate.py</extracomment>
        <source>Không đọc được cơ sở dữ liệu '{path}': {error}.</source>
        <translation>Could not read database '{path}': {error}.</translation>
    </message>
    <message>
        <extracomment>mohao_desk/store/gate.py</extracomment>
        <source>Tệp '{path}' không phải là cơ sở dữ liệu SQLite.</source>
        <translation>File '{path}' is not an SQLite database.</translation>
    </message>
</context>
</TS>
