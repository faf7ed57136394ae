<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AdministratorDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="208"/>
        <source>Tạo tài khoản quản trị</source>
        <translation>Create the administrator&apos;s account</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="213"/>
        <source>Đơn vị chưa có tài khoản quản trị. Người quản trị đặt mật khẩu cho các cán bộ, danh mục, lịch, sao lưu. Hãy tạo tài khoản quản trị trước khi dùng chương trình.</source>
        <translation>The unit has no administrator&apos;s account yet. The administrator sets the officers&apos; passwords, the catalog, the calendar and the backups. Create the administrator&apos;s account before using the program.</translation>
    </message>
</context>
<context>
    <name>AdministratorFields</name>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="248"/>
        <source>Ví dụ: %1</source>
        <translation>E.g. %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="250"/>
        <source>Ít nhất 8 ký tự</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="253"/>
        <source>Người này cũng tiếp nhận và xử lý hồ sơ (đơn vị chỉ có một cán bộ)</source>
        <translation>This person also receives and processes dossiers (a unit with one officer)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="255"/>
        <source>Tên đăng nhập quản trị:</source>
        <translation>Administrator&apos;s username:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="256"/>
        <source>Họ tên người quản trị:</source>
        <translation>Administrator&apos;s full name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="257"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="258"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="266"/>
        <source>Tên đăng nhập quản trị không được trống hay có dấu cách.</source>
        <translation>The administrator&apos;s username must not be empty or contain spaces.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="268"/>
        <source>Chưa nhập họ tên người quản trị.</source>
        <translation>The administrator&apos;s full name is missing.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="271"/>
        <source>Mật khẩu phải có ít nhất %1 ký tự.</source>
        <translation>The password must have at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="274"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="284"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="55"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="57"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="58"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="60"/>
        <source>Cán bộ xử lý</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="61"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="135"/>
        <source>Hạn giải quyết theo quy định. Dấu → : đã xin lỗi và hẹn lại; đưa chuột vào ô để xem ngày hẹn mới.</source>
        <translation>The legal due moment. →: apologized and re-appointed; hover over the cell to see the new date.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="59"/>
        <source>Hạn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="56"/>
        <source>Thời hạn</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/board_model.py" line="62"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="72"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="73"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="74"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="75"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="76"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="77"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="78"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1096"/>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1098"/>
        <source>Bỏ điều chỉnh đã chọn</source>
        <translation>Remove the selected change</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1106"/>
        <source>Bỏ thông báo đã chọn</source>
        <translation>Remove the selected announcement</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1118"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1118"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1118"/>
        <source>Lịch của đơn vị</source>
        <translation>Unit&apos;s calendar</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1119"/>
        <source>Theo lịch nhà nước</source>
        <translation>National calendar</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1119"/>
        <source>Điều chỉnh</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1119"/>
        <source>Căn cứ</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1120"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1127"/>
        <source>Thêm điều chỉnh của đơn vị</source>
        <translation>Add a change of the unit</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1132"/>
        <source>ví dụ: Công văn 12729/VPCP-KGVX ngày 25/12/2025</source>
        <translation>e.g. Letter 12729/VPCP-KGVX of 25/12/2025</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1134"/>
        <source>Thêm ngày nghỉ</source>
        <translation>Add a day off</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1135"/>
        <source>Thêm ngày làm việc</source>
        <translation>Add a working day</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1138"/>
        <source>N&amp;gày:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1139"/>
        <source>Ghi &amp;chú:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1150"/>
        <source>Thông báo chính thức và điều chỉnh ở đây được gửi đến các đơn vị trong gói cấu hình. Thông báo chính thức ghi văn bản của Chính phủ (số, ngày); thông báo lịch đi kèm chương trình đã có sẵn ở các đơn vị.</source>
        <translation>Official announcements and changes made here are sent to the units in the configuration package. An official announcement cites the government&apos;s document (number, date); the announcements shipped with the program are already at every unit.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1156"/>
        <source>Lịch nhà nước: quy tắc của gói holidays, được sửa theo thông báo chính thức (đi kèm chương trình hoặc do cấp trên gửi). Điều chỉnh (của đơn vị hoặc do cấp trên gửi) thay cho lịch nhà nước ở ngày đó. Điều chỉnh mới áp dụng cho hồ sơ tiếp nhận từ nay; hạn trả đã tính của hồ sơ đã tiếp nhận giữ nguyên.</source>
        <translation>National calendar: the rules of the holidays package, corrected by the official announcements (shipped with the program or sent by the upstream office). A change (the unit&apos;s own or sent by the upstream office) replaces the national calendar on that day. New changes apply to dossiers registered from now on; due moments already computed stay as they are.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1183"/>
        <source>Thêm thông báo lịch chính thức (gửi đến các đơn vị)</source>
        <translation>Add an official calendar announcement (sent to the units)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1186"/>
        <source>ví dụ: Tết Nguyên đán (mùng 1)</source>
        <translation>e.g. Lunar New Year (1st day)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1188"/>
        <source>ví dụ: 12729/VPCP-KGVX</source>
        <translation>e.g. 12729/VPCP-KGVX</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1191"/>
        <source>Chưa chắc chắn (chưa có văn bản chính thức khẳng định)</source>
        <translation>Unsure (no official document confirms it yet)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1195"/>
        <source>Công bố ngày nghỉ</source>
        <translation>Announce a day off</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1198"/>
        <source>Công bố ngày làm việc</source>
        <translation>Announce a working day</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1204"/>
        <source>ngày</source>
        <translation>of</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1206"/>
        <source>Ngà&amp;y:</source>
        <translation>Da&amp;y:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1207"/>
        <source>&amp;Tên ngày:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1208"/>
        <source>&amp;Văn bản:</source>
        <translation>Doc&amp;ument:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1211"/>
        <source>Gh&amp;i chú:</source>
        <translation>Rema&amp;rk:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1251"/>
        <source>Lịch nghỉ năm %1 chưa có thông báo chính thức nào, đang tính theo quy tắc của gói holidays.</source>
        <translation>The days off of %1 have no official announcement yet; they follow the rules of the holidays package.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1258"/>
        <source>Ngày %1 (%2) đang được tính là ngày làm việc; chưa có văn bản chính thức khẳng định.</source>
        <translation>%1 (%2) is counted as a working day; no official document confirms it yet.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1263"/>
        <source>Ngày %1 (%2) đang được tính là ngày nghỉ; chưa có văn bản chính thức khẳng định.</source>
        <translation>%1 (%2) is counted as a day off; no official document confirms it yet.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1269"/>
        <source>Hãy kiểm tra thông báo của Chính phủ về lịch nghỉ.</source>
        <translation>Please check the government&apos;s announcement of the days off.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1276"/>
        <source>Quy tắc của gói holidays</source>
        <translation>Rules of the holidays package</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1281"/>
        <source>Cấp trên công bố: %1</source>
        <translation>Announced by the upstream office: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1283"/>
        <source>(chưa chắc chắn)</source>
        <translation>(unsure)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1476"/>
        <source>Đã bỏ thông báo lịch ngày %1.</source>
        <translation>The announcement on %1 was removed.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1291"/>
        <source>Ngày làm việc</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1291"/>
        <source>Ngày nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1295"/>
        <source>Làm bù (thứ Bảy làm việc)</source>
        <translation>Make-up day (working Saturday)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1301"/>
        <source>Do cấp trên gửi</source>
        <translation>Sent by the upstream office</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1303"/>
        <source>Của đơn vị</source>
        <translation>The unit&apos;s own</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1366"/>
        <source>Thêm ngày làm việc %1 (%2)?</source>
        <translation>Add working day %1 (%2)?</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1368"/>
        <source>Thêm ngày nghỉ %1 (%2)?</source>
        <translation>Add day off %1 (%2)?</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1375"/>
        <source>Ngày nghỉ, ngày làm bù</source>
        <translation>Days off, make-up days</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1378"/>
        <source>Hạn trả của hồ sơ tiếp nhận từ nay được tính theo lịch mới.</source>
        <translation>Due moments of dossiers registered from now on follow the new calendar.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1388"/>
        <source>Đã thêm ngày làm việc %1.</source>
        <translation>Working day %1 added.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1390"/>
        <source>Đã thêm ngày nghỉ %1.</source>
        <translation>Day off %1 added.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1410"/>
        <source>Công bố ngày làm việc %1 (%2) theo văn bản %3?</source>
        <translation>Announce working day %1 (%2) under document %3?</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1412"/>
        <source>Công bố ngày nghỉ %1 (%2) theo văn bản %3?</source>
        <translation>Announce day off %1 (%2) under document %3?</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1420"/>
        <source>Thông báo lịch chính thức</source>
        <translation>Official calendar announcement</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1421"/>
        <source>Thông báo được gửi đến các đơn vị trong gói cấu hình.</source>
        <translation>The announcement is sent to the units in the configuration package.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1438"/>
        <source>Đã thêm thông báo lịch ngày %1.</source>
        <translation>Announcement on %1 added.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1463"/>
        <source>Đã bỏ điều chỉnh ngày %1.</source>
        <translation>The change on %1 was removed.</translation>
    </message>
</context>
<context>
    <name>CatalogPreviewDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="27"/>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="28"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="29"/>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="30"/>
        <source>Thời hạn khi cần xác minh</source>
        <translation>Processing time with verification</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="31"/>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="32"/>
        <source>Ghi chú, phí, lệ phí</source>
        <translation>Note, fees</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="33"/>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier components</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="47"/>
        <source>Xem trước thay đổi danh mục thủ tục</source>
        <translation>Preview of the procedure catalog changes</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="49"/>
        <source>Tệp %1: %2 thủ tục mới, %3 thủ tục thay đổi, %4 thủ tục không đổi.</source>
        <translation>File %1: %2 new procedures, %3 changed procedures, %4 unchanged procedures.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="59"/>
        <source>Chưa có gì được ghi. “Áp dụng” ghi toàn bộ các thay đổi dưới đây trong một lần; “Hủy” để danh mục giữ nguyên. Thủ tục có trong danh mục mà không có trong tệp được giữ nguyên.</source>
        <translation>Nothing has been written yet. “Apply” writes all the changes below at once; “Cancel” leaves the catalog as it is. Procedures of the catalog that are not in the file are kept.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="71"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="71"/>
        <source>Thủ tục / nội dung</source>
        <translation>Procedure / item</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="71"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="81"/>
        <source>Thêm mới (%1)</source>
        <translation>New (%1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="84"/>
        <source>Thay đổi (%1)</source>
        <translation>Changed (%1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="90"/>
        <source>Trước: %1</source>
        <translation>Before: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="91"/>
        <source>Sau: %1</source>
        <translation>After: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="96"/>
        <source>Không đổi (%1)</source>
        <translation>Unchanged (%1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="104"/>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="107"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="142"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="146"/>
        <source>%1 thành phần</source>
        <translation>%1 components</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/catalog_preview.py" line="148"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="690"/>
        <source>Tìm theo tên, mã hoặc lĩnh vực (có dấu hoặc không dấu)…</source>
        <translation>Search by name, code or field (diacritics optional)…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="696"/>
        <source>Nhập danh mục từ tệp…</source>
        <translation>Import a catalog file…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="704"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="704"/>
        <source>Tên thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="704"/>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="813"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="705"/>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="814"/>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="705"/>
        <source>Thành phần</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="68"/>
        <source>Danh mục thủ tục (*.xlsx *.json);;Bảng tính Excel (*.xlsx);;Mọi tệp (*)</source>
        <translation>Procedure catalogs (*.xlsx *.json);;Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="725"/>
        <source>Danh mục ở đây được gửi đến các đơn vị trong gói cấu hình. Tệp danh mục (JSON, hoặc danh mục Excel .xlsx kèm quyết định công bố của tỉnh) thêm hoặc cập nhật thủ tục theo mã, sau khi xem trước các thay đổi; tệp có lỗi bị từ chối toàn bộ.</source>
        <translation>The catalog here is sent to the units in configuration packages. A catalog file (JSON, or the Excel .xlsx list attached to the province&apos;s publication decision) adds or updates procedures by code, after a preview of the changes; a file with an error is refused whole.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="731"/>
        <source>Danh mục do cơ quan cấp trên ban hành. Tệp danh mục (JSON, hoặc danh mục Excel .xlsx kèm quyết định công bố của tỉnh) thêm hoặc cập nhật thủ tục theo mã, sau khi xem trước các thay đổi; tệp có lỗi bị từ chối toàn bộ, danh mục giữ nguyên.</source>
        <translation>The catalog is issued by the upstream office. A catalog file (JSON, or the Excel .xlsx list attached to the province&apos;s publication decision) adds or updates procedures by code, after a preview of the changes; a file with an error is refused whole and the catalog stays as it is.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="778"/>
        <source>%1 / %2 thủ tục</source>
        <translation>%1 / %2 procedures</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="812"/>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="817"/>
        <source>Thời hạn khi cần xác minh</source>
        <translation>Processing time with verification</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="819"/>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="821"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="834"/>
        <source>%1 · %2 bản</source>
        <translation>%1 · copies: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="853"/>
        <source>Chọn tệp danh mục thủ tục</source>
        <translation>Choose a procedure catalog file</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="868"/>
        <source>Tệp %1 không thay đổi gì trong danh mục (%2 thủ tục như cũ).</source>
        <translation>File %1 changes nothing in the catalog (%2 procedures as they are).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="879"/>
        <source>Chưa áp dụng tệp %1: danh mục giữ nguyên.</source>
        <translation>File %1 not applied: the catalog stays as it is.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="893"/>
        <source>Đã cập nhật %1 thủ tục từ tệp %2.</source>
        <translation>%1 procedures updated from %2.</translation>
    </message>
</context>
<context>
    <name>ComponentDropRow</name>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="47"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="49"/>
        <source>Chọn tệp bản quét (hoặc kéo thả tệp vào dòng này)</source>
        <translation>Choose a scanned file (or drop files on this row)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="53"/>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="55"/>
        <source>Xem tệp đã số hóa</source>
        <translation>View the digitized file</translation>
    </message>
</context>
<context>
    <name>ComponentRow</name>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="52"/>
        <source>Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="94"/>
        <source>%1 · %2 bản</source>
        <translation>%1 · qty %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="103"/>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="157"/>
        <source>Đính kèm bản quét…</source>
        <translation>Attach scan…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="105"/>
        <source>Chọn tệp bản quét của giấy tờ này (hoặc kéo thả tệp vào dòng này)</source>
        <translation>Choose the scan of this paper (or drop the file on this row)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="108"/>
        <source>Bỏ tệp</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="140"/>
        <source>Chọn bản quét: %1</source>
        <translation>Choose scan: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="151"/>
        <source>Tệp: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="153"/>
        <source>Đổi tệp…</source>
        <translation>Change file…</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="35"/>
        <source>Chọn nơi lưu dữ liệu</source>
        <translation>Where the data lives</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="37"/>
        <source>Máy này dùng riêng (dữ liệu lưu trên máy này)</source>
        <translation>This PC alone (the data stays on this PC)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="39"/>
        <source>Máy chủ của đơn vị (nhiều quầy dùng chung một cơ sở dữ liệu PostgreSQL)</source>
        <translation>The unit&apos;s server (several counters share one PostgreSQL database)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="44"/>
        <source>Máy chủ PostgreSQL</source>
        <translation>PostgreSQL server</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="47"/>
        <source>ví dụ 192.168.1.10 hoặc may-chu-phuong</source>
        <translation>for example 192.168.1.10 or ward-server</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="55"/>
        <source>&amp;Máy chủ:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="56"/>
        <source>&amp;Cổng:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="57"/>
        <source>&amp;Cơ sở dữ liệu:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="58"/>
        <source>&amp;Người dùng:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="59"/>
        <source>Mật &amp;khẩu:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="62"/>
        <source>Mật khẩu được cất trong kho mật khẩu của hệ điều hành, không ghi ra tệp. Cách cài máy chủ: tài liệu docs/multi-seat.md.</source>
        <translation>The password is kept in the operating system&apos;s credential store, never in a file. How to set up the server: docs/multi-seat.md.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="69"/>
        <source>&amp;Kiểm tra kết nối</source>
        <translation>&amp;Test the connection</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="78"/>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="80"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/server_dialog.py" line="118"/>
        <source>Kết nối được máy chủ.</source>
        <translation>Connected to the server.</translation>
    </message>
</context>
<context>
    <name>CounterRefusalDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="45"/>
        <source>Từ chối tiếp nhận hồ sơ tại quầy</source>
        <translation>Refuse a dossier at the counter</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="49"/>
        <source>Hồ sơ không đủ điều kiện tiếp nhận: ghi lý do và in Phiếu từ chối tiếp nhận (Mẫu 03) cho người nộp. Không tạo hồ sơ, không tính vào số hồ sơ tiếp nhận.</source>
        <translation>The dossier cannot be accepted: write the reasons and print the refusal slip (Form 03) for the applicant. No dossier is created and nothing is counted as received.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="58"/>
        <source>Gõ một phần tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục…</source>
        <translation>Type part of the procedure&apos;s name (diacritics optional) or its code…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="65"/>
        <source>&amp;Thủ tục:</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="72"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="76"/>
        <source>Mỗi lý do một dòng (bắt buộc)</source>
        <translation>One reason per line (required)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="83"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="84"/>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="85"/>
        <source>Điện th&amp;oại:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="86"/>
        <source>&amp;Lý do từ chối:</source>
        <translation>&amp;Reasons:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="92"/>
        <source>Ghi nhận và in phiếu</source>
        <translation>Record and print the slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="94"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="134"/>
        <source>Chọn thủ tục người nộp yêu cầu.</source>
        <translation>Choose the procedure the applicant asks for.</translation>
    </message>
</context>
<context>
    <name>CounterRefusalList</name>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="186"/>
        <source>Từ chối tiếp nhận tại quầy từ %1 đến %2</source>
        <translation>Refusals at the counter from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="197"/>
        <source>Số phiếu</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="198"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="199"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="200"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="202"/>
        <source>Lý do</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="201"/>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="215"/>
        <source>In lại phiếu</source>
        <translation>Print the slip again</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="218"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/counter_dialog.py" line="230"/>
        <source>%n lượt từ chối tiếp nhận tại quầy (không phải hồ sơ: không tính vào số hồ sơ tiếp nhận, giải quyết trong báo cáo).</source>
        <translation>
            <numerusform>%n refusal at the counter (not a dossier: not counted as received or resolved in the reports).</numerusform>
            <numerusform>%n refusals at the counter (not dossiers: not counted as received or resolved in the reports).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="74"/>
        <source>Ngày:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="77"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="78"/>
        <source>Hôm qua</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="90"/>
        <source>Danh sách của một ngày đã qua được tính đến cuối giờ làm việc ngày đó, với trạng thái hiện tại của hồ sơ.</source>
        <translation>The list of a past day is measured at the end of that day&apos;s office hours, with the dossiers&apos; current status.</translation>
    </message>
</context>
<context>
    <name>DialogKit</name>
    <message>
        <location filename="../../mohao_desk/ui/dialog_kit.py" line="88"/>
        <source>%1 giờ %2 phút, ngày %3</source>
        <translation>%1:%2, %3</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="32"/>
        <source>Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="42"/>
        <source>Chuyển xử lý</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="43"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="44"/>
        <source>Nhận bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="45"/>
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="46"/>
        <source>Trả kết quả</source>
        <translation>Return result</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="47"/>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="462"/>
        <source>Xin lỗi và hẹn lại</source>
        <translation>Apologize, reschedule</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="48"/>
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="49"/>
        <source>Rút hồ sơ</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="50"/>
        <source>Dừng giải quyết</source>
        <translation>Stop processing</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="51"/>
        <source>Đánh giá</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="54"/>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="55"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="56"/>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="22"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="23"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="24"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to supplement the dossier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="25"/>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new return date</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="26"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="27"/>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation>Notice of stopped processing</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="33"/>
        <source>Phiếu từ chối</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="31"/>
        <source>Phiếu bổ sung</source>
        <translation>Supplement slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="32"/>
        <source>Phiếu xin lỗi</source>
        <translation>Apology slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="34"/>
        <source>Thông báo dừng</source>
        <translation>Stop notice</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="89"/>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="241"/>
        <source>Hồ sơ %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="121"/>
        <source>Thông tin hồ sơ</source>
        <translation>Dossier details</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="128"/>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="129"/>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="130"/>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="131"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="132"/>
        <source>Kênh nộp:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="133"/>
        <source>Tiếp nhận:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="134"/>
        <source>Hẹn trả:</source>
        <translation>Return due:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="135"/>
        <source>Hạn ban đầu:</source>
        <translation>Originally due:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="136"/>
        <source>Cán bộ xử lý:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="137"/>
        <source>Kết thúc:</source>
        <translation>Finished:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="138"/>
        <source>Bổ sung / xin lỗi:</source>
        <translation>Supplements / apologies:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="85"/>
        <source>Thành phần hồ sơ và kết quả</source>
        <translation>Components and result</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="87"/>
        <source>Thành phần hồ sơ và kết quả — kéo thả bản quét vào dòng</source>
        <translation>Papers and result — drop scans on a row</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="102"/>
        <source>Kết quả giải quyết</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="45"/>
        <source>Quá trình giải quyết</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="49"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="95"/>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="50"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="51"/>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="52"/>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="183"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="108"/>
        <source>Hồ sơ đã kết thúc: không còn thao tác nào.</source>
        <translation>The dossier is closed: no actions left.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="152"/>
        <source>— Không chọn cán bộ —</source>
        <translation>— No officer —</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="155"/>
        <source>Ví dụ: Công chức Tư pháp - Hộ tịch</source>
        <translation>e.g. Justice and civil status officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="157"/>
        <source>Chuyển cho cán bộ:</source>
        <translation>Hand over to officer:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="158"/>
        <source>Cơ quan, bộ phận nhận:</source>
        <translation>Receiving agency or unit:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="159"/>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="180"/>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="187"/>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="165"/>
        <source>Mỗi dòng một giấy tờ, ví dụ:
Bản sao CCCD của cha mẹ
Tờ khai đăng ký khai sinh | bản chính | 2</source>
        <translation>One paper per line, for example:
Bản sao CCCD của cha mẹ
Tờ khai đăng ký khai sinh | bản chính | 2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="76"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="139"/>
        <source>Thành phần %1</source>
        <translation>Component %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="174"/>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="213"/>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="300"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="59"/>
        <source>thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="60"/>
        <source>thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="61"/>
        <source>thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="62"/>
        <source>thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="63"/>
        <source>thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="64"/>
        <source>thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="65"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="195"/>
        <source>Hồ sơ do đơn vị gửi lên: chỉ xem. Gói gửi lên mang các mốc thời gian, trạng thái và số hóa của hồ sơ, không mang từng giấy tờ, quá trình xử lý chi tiết hay thông tin cá nhân của người dân. Thao tác, số hóa và in phiếu được thực hiện tại Bộ phận Một cửa của đơn vị.</source>
        <translation>A dossier sent by the unit: view only. Packages carry a dossier&apos;s moments, status and digitization, not its papers, its detailed history or the citizen&apos;s personal data. Acts, digitization and slips are done at the unit&apos;s one-stop desk.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="176"/>
        <source>Giấy tờ cần bổ sung:</source>
        <translation>Papers missing:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="184"/>
        <source>Kết quả điện tử</source>
        <translation>Electronic result</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="190"/>
        <source>Ghi chú (người nhận, giấy tờ đã giao):</source>
        <translation>Note (recipient, papers handed over):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="198"/>
        <source>Lý do chậm trễ</source>
        <translation>Reason for the delay</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="205"/>
        <source>Lý do ngoại lệ (bắt buộc để vẫn ghi nhận):</source>
        <translation>Exception reason (required to record anyway):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="210"/>
        <source>Ví dụ: Chủ tịch UBND đồng ý bằng văn bản</source>
        <translation>e.g. approved in writing by the committee chair</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="214"/>
        <source>Ngày giờ hẹn trả mới:</source>
        <translation>New return date and time:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="221"/>
        <source>Lý do từ chối (bắt buộc):</source>
        <translation>Reason for refusal (required):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="222"/>
        <source>Lý do rút hồ sơ:</source>
        <translation>Reason for withdrawal:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="223"/>
        <source>Lý do dừng giải quyết (bắt buộc):</source>
        <translation>Reason for stopping (required):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="245"/>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="360"/>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="257"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="70"/>
        <source>In phiếu</source>
        <translation>Print slips</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/slips.py" line="77"/>
        <source>Phiếu kiểm soát</source>
        <translation>Control slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="238"/>
        <source>Hồ sơ %1 — %2</source>
        <translation>Dossier %1 — %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="253"/>
        <source>%1 bộ</source>
        <translation>sets: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="260"/>
        <source>%1 (tính hạn từ %2)</source>
        <translation>%1 (deadline counts from %2)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="270"/>
        <source>Chưa phân công</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="277"/>
        <source>trả ngày %1</source>
        <translation>returned %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="282"/>
        <source>%1 lần bổ sung · %2 lần xin lỗi</source>
        <translation>supplements: %1 · apologies: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="314"/>
        <source>Tạm dừng chờ bổ sung — %1</source>
        <translation>Paused for supplement — %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="317"/>
        <source>Hạn theo quy định: %1 (%2)</source>
        <translation>Legal due: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="330"/>
        <source>Hẹn lại: %1</source>
        <translation>Rescheduled: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="345"/>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="116"/>
        <source>Giải quyết %1</source>
        <translation>Resolved: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="133"/>
        <source>✔ Đã số hóa %1 — %2</source>
        <translation>✔ Digitized %1 — %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="138"/>
        <source> (tái sử dụng)</source>
        <translation> (reused)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="143"/>
        <source>Chưa số hóa</source>
        <translation>Not digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="157"/>
        <source>✔ Đã số hóa</source>
        <translation>✔ Digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="164"/>
        <source>Đã có kết quả, chưa số hóa</source>
        <translation>Result ready, not digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="169"/>
        <source>Chưa có kết quả</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="95"/>
        <source>Hẹn trả %1</source>
        <translation>Return due %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="102"/>
        <source>Chuyển cho %1</source>
        <translation>Handed over to %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="105"/>
        <source>Cần bổ sung: %1</source>
        <translation>Missing: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="124"/>
        <source>Hẹn lại %1</source>
        <translation>Rescheduled to %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="130"/>
        <source>ngoại lệ: %1</source>
        <translation>exception: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/timeline.py" line="136"/>
        <source>Kết quả: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="289"/>
        <source>Hồ sơ đã được yêu cầu bổ sung %1 lần. Yêu cầu thêm lần nữa sẽ khiến hồ sơ bị tính là QUÁ HẠN; phải nêu lý do.</source>
        <translation>Supplement requests so far: %1. Another request makes the dossier count as OVERDUE; a reason is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="296"/>
        <source>Lý do (bắt buộc):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="302"/>
        <source>Đang hẹn trả: %1</source>
        <translation>Return now due: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="306"/>
        <source> (hạn ban đầu %1)</source>
        <translation> (originally %1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="353"/>
        <source>Chọn cán bộ nhận hoặc ghi cơ quan, bộ phận nhận.</source>
        <translation>Choose the receiving officer or enter the receiving agency or unit.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="364"/>
        <source>Ghi ít nhất một giấy tờ cần bổ sung (mỗi dòng một).</source>
        <translation>Enter at least one missing paper (one per line).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="371"/>
        <source>Yêu cầu bổ sung lần nữa sẽ bị tính là quá hạn: phải nêu lý do.</source>
        <translation>Another supplement request counts as overdue: a reason is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="384"/>
        <source>Phải nêu lý do.</source>
        <translation>A reason is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="389"/>
        <source>Phải nêu lý do chậm trễ.</source>
        <translation>The reason for the delay is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="442"/>
        <source>%1 hồ sơ %2? Hồ sơ sẽ kết thúc và không thể hoàn tác.</source>
        <translation>%1 dossier %2? The dossier will be closed; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/acts.py" line="463"/>
        <source>Hẹn trả kết quả mới: %1 (%2). Ghi nhận và in phiếu xin lỗi?</source>
        <translation>New return moment: %1 (%2). Record it and print the apology slip?</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/page.py" line="360"/>
        <source>Đang ghi…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="182"/>
        <source>Chọn bản quét</source>
        <translation>Choose scans</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier/components.py" line="238"/>
        <source>Máy này chưa có chương trình để mở tệp %1 (đã lưu tại %2).</source>
        <translation>This PC has no program to open the file %1 (saved at %2).</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="108"/>
        <source>Nhấp đúp để mở hồ sơ</source>
        <translation>Double-click to open the dossier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="109"/>
        <source>Hồ sơ không có tại Bộ phận</source>
        <translation>The desk does not have this dossier</translation>
    </message>
</context>
<context>
    <name>HoursTab</name>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="921"/>
        <source>Buổi sáng</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="923"/>
        <source>Buổi chiều</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="925"/>
        <source>Bỏ chọn nếu đơn vị làm việc liên tục, không nghỉ trưa.</source>
        <translation>Untick if the unit works without a lunch break.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="931"/>
        <source>Từ</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="934"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="939"/>
        <source>Lưu giờ làm việc</source>
        <translation>Save office hours</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="950"/>
        <source>Giờ làm việc áp dụng cho mọi ngày làm việc, kể cả thứ Bảy làm bù. Hồ sơ đến ngoài giờ làm việc được tính là tiếp nhận vào giờ mở cửa kế tiếp.</source>
        <translation>Office hours apply to every working day, make-up Saturdays included. A dossier arriving outside office hours counts as received at the next opening.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="959"/>
        <source>Giờ làm việc mới áp dụng cho hồ sơ tiếp nhận từ nay: hạn trả của hồ sơ đã tiếp nhận giữ nguyên; thời gian còn lại của chúng được tính theo giờ mới.</source>
        <translation>New office hours apply to dossiers registered from now on: due moments of registered dossiers stay; their time left is counted with the new hours.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="965"/>
        <source>Khóa màn hình</source>
        <translation>Screen lock</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="968"/>
        <source> phút</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="969"/>
        <source>không khóa</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="970"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="972"/>
        <source>Tự khóa khi không dùng trong</source>
        <translation>Lock when unused for</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="982"/>
        <source>Màn hình khóa sau thời gian này nếu không ai gõ phím hay bấm chuột; mở lại bằng mật khẩu của người đang dùng, hoặc đổi người dùng. Áp dụng cho mọi máy của đơn vị.</source>
        <translation>The screen locks after this time without a key press or a click; it opens again with the current person&apos;s password, or another person logs in. Applies to every PC of the unit.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1002"/>
        <source>Đã lưu thời gian tự khóa màn hình.</source>
        <translation>The screen lock time is saved.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1032"/>
        <source>Giờ làm việc đang dùng có nhiều hơn hai buổi; lưu ở đây sẽ chỉ giữ buổi sáng và buổi chiều như trên.</source>
        <translation>The current office hours have more than two sessions; saving here keeps only the morning and afternoon above.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1038"/>
        <source>Giờ làm việc đang dùng: %1 (múi giờ %2).</source>
        <translation>Current office hours: %1 (time zone %2).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1042"/>
        <source>Việt Nam, UTC+7</source>
        <translation>Vietnam, UTC+7</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1067"/>
        <source>Đã lưu giờ làm việc; áp dụng cho hồ sơ tiếp nhận từ nay.</source>
        <translation>Office hours saved; they apply to dossiers registered from now on.</translation>
    </message>
</context>
<context>
    <name>KeyPassphraseDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="347"/>
        <source>Mật khẩu khóa ký</source>
        <translation>Signing-key passphrase</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="351"/>
        <source>Đơn vị chưa có khóa ký gói. Đặt mật khẩu cho khóa ký mới: người quản trị giữ mật khẩu này; mỗi lần xuất gói (một lần mỗi phiên làm việc) cần nhập.</source>
        <translation>The unit has no package signing key yet. Set a passphrase for the new key: the administrator keeps it; exports ask for it (once per session).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="355"/>
        <source>Gói gửi cấp trên được ký bằng khóa của đơn vị: nhập mật khẩu khóa ký.</source>
        <translation>Packages for the upstream office are signed with the unit&apos;s key: enter the signing-key passphrase.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="363"/>
        <source>Mật khẩu khóa ký:</source>
        <translation>Signing-key passphrase:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="365"/>
        <source>Nhập lại:</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="380"/>
        <source>Mật khẩu khóa ký phải có ít nhất %1 ký tự.</source>
        <translation>The signing-key passphrase must have at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="386"/>
        <source>Hai lần nhập không giống nhau.</source>
        <translation>The two entries differ.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="21"/>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="22"/>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="23"/>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="24"/>
        <source>Có kết quả, chờ trả</source>
        <translation>Ready to return</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="25"/>
        <source>Đã trả kết quả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="26"/>
        <source>Từ chối giải quyết</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="27"/>
        <source>Đã rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="28"/>
        <source>Dừng giải quyết</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="30"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="31"/>
        <source>Chuyển xử lý</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="32"/>
        <source>Yêu cầu bổ sung hồ sơ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="33"/>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="34"/>
        <source>Có kết quả giải quyết</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="35"/>
        <source>Trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="36"/>
        <source>Rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="37"/>
        <source>Số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="38"/>
        <source>Xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apologized, new return date</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="39"/>
        <source>Đánh giá mức độ hài lòng</source>
        <translation>Satisfaction rated</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="41"/>
        <source>trong hạn</source>
        <translation>on track</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="42"/>
        <source>sắp đến hạn</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="43"/>
        <location filename="../../mohao_desk/ui/labels.py" line="100"/>
        <source>quá hạn</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="44"/>
        <source>trước hạn</source>
        <translation>early</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="45"/>
        <source>đúng hạn</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="47"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="48"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="49"/>
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="51"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="52"/>
        <source>Bản sao</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="53"/>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="54"/>
        <source>Bản chính (xuất trình)</source>
        <translation>Original for inspection</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="56"/>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="57"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="58"/>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="60"/>
        <source>Tiếp nhận, trả kết quả</source>
        <translation>Receiving, returning results</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="61"/>
        <source>Xử lý hồ sơ</source>
        <translation>Processing dossiers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="62"/>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="63"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="84"/>
        <source>%1 ngày</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="86"/>
        <source>%1 giờ</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="88"/>
        <source>%1 phút</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="97"/>
        <source>quá hạn (bổ sung nhiều lần; còn %1)</source>
        <translation>overdue (repeated supplements; %1 left)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="102"/>
        <source>đến hạn</source>
        <translation>due now</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="104"/>
        <source>quá %1</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="106"/>
        <source>còn %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="114"/>
        <source>Trong ngày (tiếp nhận đến %1 giờ %2)</source>
        <translation>Same day (if received by %1:%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="120"/>
        <source>%n ngày làm việc</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="122"/>
        <source>%n giờ làm việc</source>
        <translation>
            <numerusform>%n working hour</numerusform>
            <numerusform>%n working hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="124"/>
        <source>%n ngày</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="126"/>
        <source>%n tháng</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="79"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="79"/>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="138"/>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="165"/>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="171"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="84"/>
        <source>Bộ phận Một cửa</source>
        <translation>One-stop desk</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="94"/>
        <source>Chương trình đã khóa vì lâu không dùng. Nhập mật khẩu để tiếp tục, hoặc đổi sang người dùng khác.</source>
        <translation>The program locked itself after a while unused. Enter the password to go on, or switch to another person.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="99"/>
        <source>Màn hình đã khóa. Nhập mật khẩu để tiếp tục, hoặc đổi sang người dùng khác.</source>
        <translation>The screen is locked. Enter the password to go on, or switch to another person.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="122"/>
        <source>&amp;Người dùng:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="126"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="131"/>
        <source>Dữ liệu mẫu: mọi tài khoản có mật khẩu “demo”.</source>
        <translation>Demo data: every account has the password “demo”.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="138"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="145"/>
        <source>Đổi người dùng</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="149"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="149"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="177"/>
        <source>Chưa có tài khoản nào để đăng nhập.</source>
        <translation>There is no account to log in with yet.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="228"/>
        <source>Phiên bản mới: đang sao lưu cơ sở dữ liệu rồi nâng cấp. Với dữ liệu lớn việc này có thể mất một phút; xin đừng tắt máy.</source>
        <translation>New version: backing up the database, then upgrading it. With a lot of data this may take a minute; please do not turn the computer off.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="234"/>
        <location filename="../../mohao_desk/ui/app.py" line="268"/>
        <location filename="../../mohao_desk/ui/app.py" line="278"/>
        <location filename="../../mohao_desk/ui/app.py" line="303"/>
        <location filename="../../mohao_desk/ui/app.py" line="360"/>
        <location filename="../../mohao_desk/ui/main_window.py" line="1009"/>
        <location filename="../../mohao_desk/ui/main_window.py" line="1274"/>
        <source>Bộ phận Một cửa</source>
        <translation>One-Stop Desk</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="68"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="69"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="70"/>
        <source>Quá hạn chưa xin lỗi</source>
        <translation>Overdue without apology</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="71"/>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="72"/>
        <source>Chưa số hóa</source>
        <translation>Not digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="75"/>
        <source>Hồ sơ của tôi</source>
        <translation>My dossiers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="76"/>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="77"/>
        <source>Tất cả hồ sơ</source>
        <translation>All dossiers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="357"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="204"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Register dossier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="74"/>
        <source>Chưa có trên hệ thống</source>
        <translation>Not in the system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="117"/>
        <source>%1 (%2) — hồ sơ đơn vị gửi lên, chỉ xem</source>
        <translation>%1 (%2) — dossiers sent by the unit, view only</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="208"/>
        <source>Tiếp nhận một hồ sơ mới và in giấy hẹn (F2)</source>
        <translation>Register a new dossier and print the receipt (F2)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="211"/>
        <source>Từ chối tiếp nhận tại quầy…</source>
        <translation>Refuse at the counter…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="215"/>
        <source>Hồ sơ không đủ điều kiện: ghi lý do, in Phiếu từ chối (Mẫu 03); không tạo hồ sơ</source>
        <translation>The dossier cannot be accepted: write the reasons, print the refusal slip (Form 03); no dossier is created</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="219"/>
        <source>Từ chối tại quầy</source>
        <translation>Refusals at the counter</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="221"/>
        <source>Các lượt từ chối tiếp nhận tại quầy của một khoảng thời gian</source>
        <translation>The refusals at the counter of a range of days</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="224"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="228"/>
        <source>Tải lại danh sách hồ sơ (F5)</source>
        <translation>Reload the list of dossiers (F5)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="231"/>
        <source>Danh sách hằng ngày</source>
        <translation>Daily list</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="234"/>
        <source>Danh sách theo dõi hồ sơ của một ngày, để lãnh đạo ký</source>
        <translation>The dossier list of one day, for the leader to sign</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="237"/>
        <source>Sổ theo dõi</source>
        <translation>Register book</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="240"/>
        <source>Sổ theo dõi hồ sơ của một khoảng thời gian</source>
        <translation>The register book of a range of days</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="243"/>
        <source>Báo cáo giải trình</source>
        <translation>Explanation report</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="245"/>
        <source>Báo cáo giải trình hồ sơ quá hạn của một khoảng thời gian</source>
        <translation>The explanation report on overdue dossiers of a range of days</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="248"/>
        <source>Đối chiếu với hệ thống điện tử…</source>
        <translation>Reconcile with the electronic system…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="252"/>
        <source>So hồ sơ của Bộ phận với danh sách xuất từ hệ thống thông tin một cửa điện tử của tỉnh: hồ sơ chưa nhập, đã xong mà còn mở, hạn khác nhau</source>
        <translation>Compare the desk&apos;s dossiers with the list exported from the province&apos;s electronic one-stop system: dossiers not entered, finished here but open there, different due dates</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="256"/>
        <source>Đối chiếu</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="258"/>
        <source>Xuất gói</source>
        <translation>Export package</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="261"/>
        <source>Xuất gói số liệu gửi cơ quan cấp trên (ra USB hoặc thư mục)</source>
        <translation>Export a data package for the upstream office (to a USB stick or a folder)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="267"/>
        <source>Nhập gói danh mục, lịch nghỉ của cơ quan cấp trên</source>
        <translation>Import the upstream office&apos;s package (catalog, days off)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="270"/>
        <source>Thiết lập</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="272"/>
        <source>Đơn vị, cán bộ, danh mục thủ tục, giờ làm việc, ngày nghỉ</source>
        <translation>Unit, officers, procedure catalog, office hours, days off</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="275"/>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="278"/>
        <source>Sao lưu cơ sở dữ liệu (đã kiểm tra) vào thư mục backups; chương trình cũng tự sao lưu mỗi ngày và khi đóng</source>
        <translation>Back up the database (checked) into the backups folder; the program also backs up every day and when it closes</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="283"/>
        <source>Phục hồi từ bản sao lưu…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="286"/>
        <source>Thay dữ liệu hiện tại bằng một bản sao lưu (dữ liệu hiện tại được sao lưu trước)</source>
        <translation>Replace the current data with a backup (the current data is backed up first)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="322"/>
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="328"/>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="339"/>
        <source>&amp;Gửi, nhận</source>
        <translation>&amp;Packages</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="342"/>
        <source>H&amp;ệ thống</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="409"/>
        <source>⚠ Lịch sử hồ sơ đã bị sửa ngoài chương trình — báo quản trị</source>
        <translation>⚠ The dossiers&apos; history was edited outside the program — tell the administrator</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="429"/>
        <source>Kiểm tra chuỗi lịch sử khi mở chương trình: dữ liệu đã bị sửa ngoài chương trình.

%1</source>
        <translation>The check of the history chain at start: data was edited outside the program.

%1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="433"/>
        <source>(và %1 chỗ khác)</source>
        <translation>(and %1 other places)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="435"/>
        <source>Hãy báo lãnh đạo; các bản sao lưu cũ còn giữ lịch sử trước khi bị sửa.</source>
        <translation>Tell the leader; the older backups still hold the history before the edit.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="437"/>
        <source>Lịch sử hồ sơ đã bị sửa</source>
        <translation>The dossiers&apos; history was edited</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="495"/>
        <source>DỮ LIỆU MẪU — hồ sơ và người nộp ở đây là giả, chỉ để tập sử dụng; không dùng cho công việc thật.</source>
        <translation>DEMO DATA — the dossiers and applicants here are made up, for practice only; not for real work.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="521"/>
        <source>Gõ mã hồ sơ, họ tên hoặc số điện thoại, không cần dấu (&quot;nguyen van an&quot;); máy quét mã: quét rồi Enter để mở hồ sơ. Ctrl+Enter: tìm trong tất cả hồ sơ.</source>
        <translation>Type a dossier code, a name or a phone number, diacritics optional (&quot;nguyen van an&quot;); a scanner: scan, then Enter opens the dossier. Ctrl+Enter: search all dossiers.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="529"/>
        <source>Tìm trong mọi hồ sơ thay vì chỉ danh sách đang chọn (Ctrl+Enter)</source>
        <translation>Search every dossier instead of only the selected list (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="632"/>
        <source>Dữ liệu đơn vị gửi lên cơ quan cấp trên: chỉ xem, không ghi được.</source>
        <translation>Data the unit sent to the upstream office: view only, nothing can be recorded.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="705"/>
        <source>Không kết nối được máy chủ dữ liệu từ %1: bảng đang hiện dữ liệu lần cập nhật cuối; chương trình tự kết nối lại.</source>
        <translation>No connection to the data server since %1: the board shows the last update; the program reconnects by itself.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="788"/>
        <source>%1+ hồ sơ trong «%2» — gõ thêm để thu hẹp</source>
        <translation>%1+ dossiers in “%2” — type more to narrow</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="790"/>
        <source>%1 hồ sơ trong «%2»</source>
        <translation>%1 dossiers in “%2”</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="830"/>
        <source>Đối chiếu gần nhất với hệ thống điện tử: %1, tệp %2 (hồ sơ tiếp nhận từ %3 đến %4) — &lt;a href=&quot;not-in-system&quot;&gt;chưa có trên hệ thống: %5&lt;/a&gt;; đã xong tại Bộ phận, còn mở trên hệ thống: %6; còn mở tại Bộ phận, đã xong trên hệ thống: %7; hạn khác nhau: %8; không có tại Bộ phận: %9.</source>
        <translation>Last reconciliation with the electronic system: %1, file %2 (dossiers received from %3 to %4) — &lt;a href=&quot;not-in-system&quot;&gt;not in the system: %5&lt;/a&gt;; finished here, open in the system: %6; open here, finished in the system: %7; different due dates: %8; not at the desk: %9.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="889"/>
        <source>Tìm trong «%1» theo mã hồ sơ</source>
        <translation>Search in “%1” by dossier code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="891"/>
        <source>Tìm trong tất cả hồ sơ: mã hồ sơ, họ tên, điện thoại</source>
        <translation>Search all dossiers: code, name, phone</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="893"/>
        <source>Tìm trong «%1»: mã hồ sơ, họ tên, điện thoại</source>
        <translation>Search in “%1”: code, name, phone</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="897"/>
        <source> — hoặc quét mã</source>
        <translation> — or scan a code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="959"/>
        <source>Lịch nghỉ năm %1 chưa có thông báo chính thức</source>
        <translation>The days off of %1 have no official announcement yet</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="964"/>
        <source>ngày %1 chưa có văn bản chính thức khẳng định</source>
        <translation>no official document confirms %1 yet</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="969"/>
        <source>hãy kiểm tra thông báo của Chính phủ (Thiết lập › Ngày nghỉ, ngày làm bù).</source>
        <translation>please check the government&apos;s announcement (Settings › Days off, make-up days).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="972"/>
        <source>Các ngày nghỉ đang tính theo quy tắc của gói holidays.</source>
        <translation>The days off follow the rules of the holidays package.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1091"/>
        <source>Từ chối tiếp nhận tại quầy</source>
        <translation>Refusals at the counter</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1109"/>
        <source>Phiếu từ chối tiếp nhận tại quầy</source>
        <translation>Refusal slip (at the counter)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1125"/>
        <source>Danh sách theo dõi hồ sơ hằng ngày</source>
        <translation>Daily dossier list</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1141"/>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Register book</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1149"/>
        <source>Sổ theo dõi hồ sơ từ %1 đến %2</source>
        <translation>Register book from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1162"/>
        <source>Báo cáo giải trình hồ sơ quá hạn</source>
        <translation>Explanation report on overdue dossiers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1173"/>
        <source>Báo cáo giải trình từ %1 đến %2</source>
        <translation>Explanation report from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1297"/>
        <location filename="../../mohao_desk/ui/main_window.py" line="1362"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1300"/>
        <source>Đã sao lưu và kiểm tra: %1</source>
        <translation>Backed up and checked: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1303"/>
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1312"/>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1314"/>
        <source>Bản sao lưu (*.sqlite3)</source>
        <translation>Backups (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1320"/>
        <source>Phục hồi từ bản sao lưu</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1322"/>
        <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu %1? Dữ liệu hiện tại được sao lưu trước, nên vẫn lấy lại được.</source>
        <translation>Replace all current data with the backup %1? The current data is backed up first, so it can still be recovered.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1331"/>
        <source>Đã phục hồi %1 hồ sơ. Dữ liệu trước khi phục hồi: %2</source>
        <translation>Restored %1 dossiers. The data before the restore: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1337"/>
        <source>Phục hồi</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1350"/>
        <source>Chưa sao lưu được: %1</source>
        <translation>Not backed up: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1366"/>
        <source>Chưa sao lưu được</source>
        <translation>Not backed up</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="264"/>
        <source>Nhập gói</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="290"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="527"/>
        <source>Tìm trong &amp;tất cả hồ sơ (Ctrl+Enter)</source>
        <translation>Search &amp;all dossiers (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="792"/>
        <source>%1 hồ sơ mới nhất — gõ để tìm trong tất cả</source>
        <translation>newest %1 dossiers — type to search all</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="794"/>
        <source>%1 hồ sơ</source>
        <translation>dossiers: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/main_window.py" line="999"/>
        <source>%n hồ sơ vừa quá hạn</source>
        <translation>
            <numerusform>%n dossier just went overdue</numerusform>
            <numerusform>%n dossiers just went overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/main_window.py" line="1002"/>
        <source>%n hồ sơ sắp đến hạn</source>
        <translation>
            <numerusform>%n dossier is now due soon</numerusform>
            <numerusform>%n dossiers are now due soon</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1131"/>
        <source>Danh sách theo dõi hồ sơ ngày %1</source>
        <translation>Daily dossier list %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1206"/>
        <source>Chọn thư mục lưu gói gửi cấp trên</source>
        <translation>Choose a folder for the package to the upstream office</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1235"/>
        <source>Đang xuất gói …</source>
        <translation>Exporting the package …</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1239"/>
        <source>Đã xuất gói số %1 (%2 hồ sơ): %3</source>
        <translation>Exported package no. %1 (%2 dossiers): %3</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1268"/>
        <source>Đang nhập gói …</source>
        <translation>Importing packages …</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1279"/>
        <source>Đang lập %1 …</source>
        <translation>Preparing %1 …</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="1291"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>OfficersTab</name>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="417"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="417"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="417"/>
        <source>Chức danh</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="418"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="418"/>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="418"/>
        <source>Vai trò</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="428"/>
        <source>Cán bộ đã chọn</source>
        <translation>Selected officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="443"/>
        <source>Lưu sửa đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="444"/>
        <source>Đặt mật khẩu…</source>
        <translation>Set password…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="445"/>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="521"/>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="575"/>
        <source>Ngừng hoạt động</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="448"/>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="449"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="450"/>
        <source>Chức danh:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="451"/>
        <source>Số điện thoại:</source>
        <translation>Phone number:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="452"/>
        <source>Vai trò:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="460"/>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="471"/>
        <source>Thêm cán bộ</source>
        <translation>Add officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="462"/>
        <source>không dấu cách, ví dụ tuphap</source>
        <translation>no spaces, e.g. tuphap</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="465"/>
        <source>Công chức Tư pháp - Hộ tịch</source>
        <translation>Công chức Tư pháp - Hộ tịch</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="467"/>
        <source>Ví dụ: %1</source>
        <translation>Example: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="468"/>
        <source>In trên phiếu yêu cầu bổ sung hồ sơ, cho người nộp liên hệ.</source>
        <translation>Printed on the supplement request slip, for the applicant to call.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="474"/>
        <source>Tên đăng &amp;nhập:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="475"/>
        <source>Họ và &amp;tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="476"/>
        <source>Chức &amp;danh:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="477"/>
        <source>Số điện t&amp;hoại:</source>
        <translation>P&amp;hone number:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="493"/>
        <source>Cán bộ ngừng hoạt động vẫn còn tên trong hồ sơ và quá trình xử lý đã ghi, nhưng không đăng nhập được nữa. Cán bộ mới có vai trò Tiếp nhận và Xử lý; chọn cán bộ để đổi vai trò, đặt mật khẩu (cũng mở khóa tài khoản bị khóa vì nhập sai mật khẩu).</source>
        <translation>An inactive officer keeps their name in the dossiers and histories recorded, but can no longer log in. A new officer gets the Receiving and Processing roles; select an officer to change the roles or set a password (which also unlocks an account locked after wrong passwords).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="521"/>
        <source>Đang làm việc</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="523"/>
        <source>Chưa có mật khẩu</source>
        <translation>No password yet</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="552"/>
        <source>(chưa chọn)</source>
        <translation>(none selected)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="573"/>
        <source>Cho hoạt động lại</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="602"/>
        <source>Đã thêm cán bộ %1 (%2).</source>
        <translation>Officer %1 (%2) added.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="632"/>
        <source>Đã lưu sửa đổi của cán bộ %1.</source>
        <translation>Changes to officer %1 saved.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="646"/>
        <source>Đã đặt mật khẩu mới cho %1.</source>
        <translation>A new password is set for %1.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="663"/>
        <source>Cán bộ %1 đã hoạt động lại.</source>
        <translation>Officer %1 is active again.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="665"/>
        <source>Cán bộ %1 đã ngừng hoạt động.</source>
        <translation>Officer %1 was deactivated.</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <location filename="../../mohao_desk/ui/packages.py" line="16"/>
        <source>Chọn gói cần nhập</source>
        <translation>Choose the packages to import</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/packages.py" line="18"/>
        <source>Gói mohao_desk (*.mhd)</source>
        <translation>mohao_desk packages (*.mhd)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/packages.py" line="26"/>
        <source>Đã nhập %1 gói.</source>
        <translation>%1 package(s) imported.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="304"/>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="306"/>
        <source>Đặt mật khẩu cho %1</source>
        <translation>Set the password of %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="312"/>
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="316"/>
        <source>Ít nhất 8 ký tự</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="318"/>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="319"/>
        <source>Nhập lại mật khẩu mới:</source>
        <translation>Repeat the new password:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/login_dialog.py" line="325"/>
        <source>Hai lần nhập mật khẩu mới không giống nhau.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="63"/>
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="64"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="66"/>
        <source>In ra máy in (Ctrl+P)</source>
        <translation>Print on a printer (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="67"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="68"/>
        <source>Lưu thành tệp PDF (Ctrl+S)</source>
        <translation>Save as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="70"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="98"/>
        <source>In %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="120"/>
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="120"/>
        <source>Không mở được máy in đã chọn.</source>
        <translation>The chosen printer could not be opened.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="165"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="165"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="177"/>
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="119"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="120"/>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="126"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="127"/>
        <source>Tháng trước</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="128"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="157"/>
        <source>Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.</source>
        <translation>The last day must be on or after the first day.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="160"/>
        <source>Mỗi lần lập cho tối đa 366 ngày.</source>
        <translation>At most 366 days at a time.</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="46"/>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="58"/>
        <source>Chưa có trên hệ thống</source>
        <translation>Not in the system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="47"/>
        <source>Đã xong tại Bộ phận, còn mở trên hệ thống</source>
        <translation>Finished at the desk, open in the system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="50"/>
        <source>Còn mở tại Bộ phận, đã xong trên hệ thống</source>
        <translation>Open at the desk, finished in the system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="53"/>
        <source>Hạn giải quyết khác nhau</source>
        <translation>Different due dates</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="54"/>
        <source>Có trên hệ thống, không có tại Bộ phận</source>
        <translation>In the system, not at the desk</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="59"/>
        <source>Xong ở đây, mở trên đó</source>
        <translation>Finished here, open there</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="60"/>
        <source>Mở ở đây, xong trên đó</source>
        <translation>Open here, finished there</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="61"/>
        <source>Hạn khác nhau</source>
        <translation>Different due dates</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="62"/>
        <source>Không có tại Bộ phận</source>
        <translation>Not at the desk</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="65"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="66"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="67"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="68"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="69"/>
        <source>Hạn tại Bộ phận</source>
        <translation>Due at the desk</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="70"/>
        <source>Hạn trên hệ thống</source>
        <translation>Due in the system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="71"/>
        <source>Tình trạng tại Bộ phận</source>
        <translation>Status at the desk</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="72"/>
        <source>Tình trạng trên hệ thống</source>
        <translation>Status in the system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="73"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="75"/>
        <source>Danh sách hồ sơ của hệ thống (*.xlsx *.xls *.csv);;Mọi tệp (*)</source>
        <translation>The system&apos;s dossier list (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="132"/>
        <source>Đối chiếu với hệ thống điện tử</source>
        <translation>Reconcile with the electronic system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="136"/>
        <source>Xuất danh sách hồ sơ của đơn vị từ hệ thống thông tin một cửa điện tử của tỉnh (Excel .xlsx, .xls hoặc .csv), rồi chọn tệp đó: chương trình so với hồ sơ tại Bộ phận và chỉ ra những chỗ khác nhau.</source>
        <translation>Export the unit&apos;s dossier list from the province&apos;s electronic one-stop system (Excel .xlsx, .xls or .csv), then choose that file: the program compares it with the desk&apos;s dossiers and shows where they differ.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="143"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="145"/>
        <source>Chưa chọn tệp</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="147"/>
        <source>Kỳ của danh sách “Chưa có trên hệ thống”: từ</source>
        <translation>Period of the list “Not in the system”: from</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="150"/>
        <source>Hồ sơ tiếp nhận tại Bộ phận trong kỳ này mà tệp không có. Không đánh dấu: từ ngày tiếp nhận sớm nhất đến muộn nhất trong tệp. Các danh sách khác so mọi hồ sơ có trong tệp.</source>
        <translation>Dossiers received at the desk in this period that the file does not have. Unticked: from the earliest to the latest receipt date in the file. The other lists compare every dossier in the file.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="166"/>
        <source>ví dụ: code=B,received=E,due=F,status=H</source>
        <translation>e.g. code=B,received=E,due=F,status=H</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="169"/>
        <source>Chỉ cần khi tệp ghi tiêu đề cột khác thường: cột mã hồ sơ (code), ngày tiếp nhận (received), hạn giải quyết (due), ngày hoàn thành (finished), trạng thái (status). Chương trình nhớ cho lần sau.</source>
        <translation>Only needed when the file&apos;s column headers are unusual: the column of the dossier code (code), receipt date (received), due date (due), finished date (finished), status (status). The program remembers them for next time.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="174"/>
        <source>Đối chiếu</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="183"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="186"/>
        <source>Cột:</source>
        <translation>Columns:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="225"/>
        <source>Xem, in PDF…</source>
        <translation>View, print PDF…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="226"/>
        <source>Xem bản in của kết quả đối chiếu, in hoặc lưu PDF</source>
        <translation>View the printout of the reconciliation, print it or save it as PDF</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="227"/>
        <source>Lưu XLSX…</source>
        <translation>Save XLSX…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="228"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="274"/>
        <source>Chọn danh sách hồ sơ của hệ thống</source>
        <translation>Choose the system&apos;s dossier list</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="310"/>
        <source>Đang đối chiếu %1 …</source>
        <translation>Reconciling %1 …</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="329"/>
        <source>Tệp %1: %2 hồ sơ; tại Bộ phận %3 hồ sơ tiếp nhận từ %4 đến %5. Nhấp đúp một dòng để mở hồ sơ.</source>
        <translation>File %1: %2 dossiers; at the desk %3 dossiers received from %4 to %5. Double-click a row to open the dossier.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="371"/>
        <source>Kết quả đối chiếu với hệ thống điện tử</source>
        <translation>Reconciliation with the electronic system</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="382"/>
        <source>Lưu kết quả đối chiếu</source>
        <translation>Save the reconciliation</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="384"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/reconcile_window.py" line="394"/>
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="187"/>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="619"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Register dossier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="203"/>
        <source>Gõ một phần tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục…</source>
        <translation>Type part of the procedure&apos;s name (diacritics optional) or its code…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="218"/>
        <source>&amp;Thủ tục:</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="227"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="232"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="237"/>
        <source>CCCD / hộ chiếu</source>
        <translation>ID card / passport</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="240"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="241"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="242"/>
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="250"/>
        <source>Cần xác minh</source>
        <translation>Needs verification</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="253"/>
        <source>&amp;Họ và tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="254"/>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="255"/>
        <source>Điện th&amp;oại:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="256"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="257"/>
        <source>Số &amp;giấy tờ:</source>
        <translation>&amp;ID number:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="258"/>
        <source>&amp;Kênh nộp:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="259"/>
        <source>Số &amp;bộ hồ sơ:</source>
        <translation>Number of &amp;sets:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="272"/>
        <source>Thành phần hồ sơ đã nhận</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="274"/>
        <source>Bỏ dấu ở giấy tờ chưa nhận. Kéo thả bản quét vào dòng để số hóa ngay.</source>
        <translation>Untick the papers not received. Drop a scan on a row to digitize it at once.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="308"/>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="600"/>
        <source>Lưu và in giấy hẹn  (Ctrl+S)</source>
        <translation>Save and print receipt  (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="310"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="419"/>
        <source>Lĩnh vực: %1   ·   Thời hạn giải quyết: %2</source>
        <translation>Field: %1   ·   Processing time: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="425"/>
        <source>Cần xác minh (thời hạn %1)</source>
        <translation>Needs verification (processing time %1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="476"/>
        <source>Hẹn trả: (chọn thủ tục để tính ngày hẹn trả)</source>
        <translation>Return due: (choose a procedure to compute the return date)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="478"/>
        <source>Hẹn trả: %1</source>
        <translation>Return due: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="491"/>
        <source>Chưa chọn thủ tục hành chính.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="495"/>
        <source>Chưa đánh dấu thành phần hồ sơ nào đã nhận.</source>
        <translation>No paper is ticked as received.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="550"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả — %1</source>
        <translation>Receipt and appointment slip — %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="556"/>
        <source>Đã tiếp nhận hồ sơ %1</source>
        <translation>Dossier %1 registered</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="557"/>
        <source>Hồ sơ đã được tiếp nhận, nhưng:</source>
        <translation>The dossier was registered, but:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="600"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="620"/>
        <source>Bỏ hồ sơ đang nhập? Những gì đã gõ sẽ mất.</source>
        <translation>Discard this registration? What was typed will be lost.</translation>
    </message>
</context>
<context>
    <name>ReportDialogs</name>
    <message>
        <location filename="../../mohao_desk/ui/report_dialogs.py" line="55"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="40"/>
        <source>Đổi người dùng…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="43"/>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="45"/>
        <source>Khóa màn hình</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="74"/>
        <source>(chưa đăng nhập)</source>
        <translation>(not logged in)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="78"/>
        <source>Người dùng: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="80"/>
        <source>%1 (%2) — vai trò: %3</source>
        <translation>%1 (%2) — roles: %3</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="103"/>
        <source>%1 — cần vai trò: %2</source>
        <translation>%1 — needs the role: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/session.py" line="150"/>
        <source>Đã đổi mật khẩu.</source>
        <translation>The password is changed.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1504"/>
        <source>Thiết lập</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1513"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1513"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1515"/>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1518"/>
        <source>Giờ làm việc</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1520"/>
        <source>Ngày nghỉ, ngày làm bù</source>
        <translation>Days off, make-up days</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="1527"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="72"/>
        <source>Thiết lập đơn vị</source>
        <translation>Unit set-up</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="77"/>
        <source>Chào mừng đến với phần mềm Bộ phận Một cửa. Hãy nhập thông tin đơn vị một lần; có thể sửa lại sau.</source>
        <translation>Welcome to the One-Stop Desk. Enter your unit&apos;s details once; you can change them later.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="85"/>
        <source>Ví dụ: %1</source>
        <translation>Example: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="90"/>
        <source>Mã định danh điện tử của đơn vị, do tỉnh cấp</source>
        <translation>The unit&apos;s electronic identifier, issued by the province</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="102"/>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="103"/>
        <source>Mã định danh điện tử:</source>
        <translation>Electronic agency code:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="104"/>
        <source>Cơ quan cấp trên:</source>
        <translation>Parent agency:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="105"/>
        <source>Địa danh ghi trên văn bản:</source>
        <translation>Place name on documents:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="106"/>
        <source>Cán bộ (mỗi dòng: tên đăng nhập: họ tên: chức danh):</source>
        <translation>Officers (one per line: login: full name: title):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="112"/>
        <source>Tài khoản quản trị</source>
        <translation>Administrator&apos;s account</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="115"/>
        <source>Dùng dữ liệu mẫu để làm quen (không nhập thông tin trên)</source>
        <translation>Use demo data to get to know the program (skip the details above)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="142"/>
        <source>tên đơn vị</source>
        <translation>unit name</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="143"/>
        <source>mã định danh điện tử</source>
        <translation>electronic identifier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="144"/>
        <source>cơ quan cấp trên</source>
        <translation>upstream body</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="145"/>
        <source>địa danh ghi trên văn bản</source>
        <translation>place name on documents</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="149"/>
        <source>Chưa nhập: %1.</source>
        <translation>Missing: %1.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="156"/>
        <source>Mã định danh điện tử &apos;%1&apos; không đúng định dạng (ví dụ 000.17.22.H56).</source>
        <translation>The electronic identifier &apos;%1&apos; is not in the right format (for example 000.17.22.H56).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="163"/>
        <location filename="../../mohao_desk/ui/app.py" line="186"/>
        <source>Dòng cán bộ &apos;%1&apos; phải có dạng tên đăng nhập: họ tên.</source>
        <translation>Officer line &apos;%1&apos; must read login: full name.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="350"/>
        <source>Chưa thiết lập được</source>
        <translation>Set-up failed</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../mohao_desk/ui/trend_chart.py" line="41"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/trend_chart.py" line="41"/>
        <source>Giải quyết trễ hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/trend_chart.py" line="47"/>
        <source>Chưa có số liệu</source>
        <translation>No figures yet</translation>
    </message>
</context>
<context>
    <name>UnitTab</name>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="211"/>
        <source>Ủy ban nhân dân phường Bần Yên Nhân</source>
        <translation>Ủy ban nhân dân phường Bần Yên Nhân</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="213"/>
        <source>Ủy ban nhân dân thị xã Mỹ Hào</source>
        <translation>Ủy ban nhân dân thị xã Mỹ Hào</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="215"/>
        <source>Mỹ Hào</source>
        <translation>Mỹ Hào</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="216"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="222"/>
        <source>(có trong mọi mã hồ sơ; không sửa được)</source>
        <translation>(part of every dossier code; cannot be changed)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="223"/>
        <source>Mã định danh điện tử:</source>
        <translation>Electronic identifier:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="224"/>
        <source>&amp;Tên đơn vị:</source>
        <translation>Unit &amp;name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="225"/>
        <source>&amp;Cơ quan cấp trên:</source>
        <translation>&amp;Upstream body:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="226"/>
        <source>Địa &amp;danh ghi trên văn bản:</source>
        <translation>&amp;Place name on documents:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="228"/>
        <source>Tiêu đề văn bản theo chế độ pháp lý</source>
        <translation>Letterhead by legal regime</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="231"/>
        <source>Ví dụ: %1</source>
        <translation>Example: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="233"/>
        <source>Tỉnh (&amp;UBND tỉnh):</source>
        <translation>Province (&amp;provincial People&apos;s Committee):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="237"/>
        <source>Cơ quan chủ quản in trên văn bản:</source>
        <translation>Parent body printed on documents:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="238"/>
        <source>Nơi nhận báo cáo (Kính gửi):</source>
        <translation>Reports addressed to:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="243"/>
        <source>Chế độ %1 (đến %2)</source>
        <translation>Regime %1 (until %2)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="245"/>
        <source>Chế độ %1 (từ %2)</source>
        <translation>Regime %1 (from %2)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="258"/>
        <source>Ô để trống dùng giá trị mặc định (chữ mờ trong ô): chế độ trước 01/07/2025 theo cơ quan cấp trên của đơn vị, chế độ từ 01/07/2025 theo tỉnh.</source>
        <translation>An empty field uses the default (the grey text in it): before 01/07/2025 the unit&apos;s parent body, from 01/07/2025 the province.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="269"/>
        <source>Người ký phiếu xin lỗi và thông báo dừng giải quyết</source>
        <translation>Signer of apology slips and stop notices</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="272"/>
        <source>KT. CHỦ TỊCH
PHÓ CHỦ TỊCH</source>
        <translation>KT. CHỦ TỊCH
PHÓ CHỦ TỊCH</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="278"/>
        <source>Chức da&amp;nh:</source>
        <translation>T&amp;itle:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="283"/>
        <source>Mỗi dòng ghi một dòng của khối chức danh (ví dụ KT. CHỦ TỊCH), tối đa 4 dòng.</source>
        <translation>One line of the signature title per line (for example KT. CHỦ TỊCH), at most 4 lines.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="288"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="290"/>
        <source>Cán bộ mặc định</source>
        <translation>Default officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="294"/>
        <source>Chọn cán &amp;bộ:</source>
        <translation>&amp;Officer:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="299"/>
        <source>Tài khoản mà dòng lệnh dùng khi lệnh không nêu --by (cửa sổ luôn ghi tên người đã đăng nhập).</source>
        <translation>The account the command line uses when a command gives no --by (the window always records the person logged in).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="306"/>
        <source>Lưu thông tin đơn vị</source>
        <translation>Save unit details</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="356"/>
        <source>(chưa có: nhập tên tỉnh ở trên)</source>
        <translation>(none yet: enter the province above)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="364"/>
        <source>(chưa chọn)</source>
        <translation>(none selected)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/settings_dialog.py" line="397"/>
        <source>Đã lưu thông tin đơn vị.</source>
        <translation>Unit details saved.</translation>
    </message>
</context>
<context>
    <name>UpstreamWindow</name>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="38"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="39"/>
        <source>Kỳ báo cáo (15 tháng trước – 14)</source>
        <translation>Reporting period (15th – 14th)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="40"/>
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="41"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="44"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="45"/>
        <source>Gói gần nhất</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="46"/>
        <source>Gói còn thiếu</source>
        <translation>Missing packages</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="47"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="48"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="49"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="50"/>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="51"/>
        <source>Đang trong hạn</source>
        <translation>Pending, on track</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="52"/>
        <source>Đang quá hạn</source>
        <translation>Pending, overdue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="53"/>
        <source>Quá hạn chưa xin lỗi (hiện tại)</source>
        <translation>Overdue, no apology (now)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="54"/>
        <source>Trực tuyến (3.3)</source>
        <translation>Online (3.3)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="55"/>
        <source>Đúng hạn (2.1)</source>
        <translation>On time (2.1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="56"/>
        <source>Số hóa (4.2)</source>
        <translation>Digitized (4.2)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="57"/>
        <source>Kết quả điện tử (4.1)</source>
        <translation>Electronic results (4.1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="58"/>
        <source>Hài lòng (5.4)</source>
        <translation>Satisfaction (5.4)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="62"/>
        <source>Chỉ số 3.3 (Quyết định 766): tỷ lệ hồ sơ nộp trực tuyến</source>
        <translation>Indicator 3.3 (Decision 766): share of dossiers filed online</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="65"/>
        <source>Chỉ số 2.1 (Quyết định 766): tỷ lệ hồ sơ giải quyết đúng hạn</source>
        <translation>Indicator 2.1 (Decision 766): share of dossiers resolved on time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="68"/>
        <source>Chỉ số 4.2 (Quyết định 766): tỷ lệ số hóa hồ sơ và kết quả</source>
        <translation>Indicator 4.2 (Decision 766): share of dossiers and results digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="71"/>
        <source>Chỉ số 4.1 (Quyết định 766): tỷ lệ kết quả điện tử</source>
        <translation>Indicator 4.1 (Decision 766): share of electronic results</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="74"/>
        <source>Chỉ số 5.4 (Quyết định 766): mức độ hài lòng</source>
        <translation>Indicator 5.4 (Decision 766): satisfaction</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="77"/>
        <source>Số thứ tự các gói chưa nhận được (gói sau đã đến)</source>
        <translation>Sequence numbers of packages not received (later ones arrived)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="146"/>
        <source>Tổng hợp các đơn vị — %1</source>
        <translation>All units — %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="148"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="153"/>
        <source>Kỳ: </source>
        <translation>Period: </translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="160"/>
        <source>Nhập gói của các đơn vị</source>
        <translation>Import units&apos; packages</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="163"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="168"/>
        <source>Thiết lập</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="170"/>
        <source>Danh mục thủ tục và ngày nghỉ gửi xuống các đơn vị</source>
        <translation>Procedure catalog and days off sent to the units</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="227"/>
        <source>%1: từ %2 đến %3</source>
        <translation>%1: from %2 to %3</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="311"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="379"/>
        <source>Tổng hợp các đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="389"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
</TS>
