<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
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
    <name>ComponentDropRow</name>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="179"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="181"/>
        <source>Chọn tệp bản quét (hoặc kéo thả tệp vào dòng này)</source>
        <translation>Choose a scanned file (or drop files on this row)</translation>
    </message>
</context>
<context>
    <name>ComponentRow</name>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="50"/>
        <source>Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="92"/>
        <source>%1 · %2 bản</source>
        <translation>%1 · qty %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="101"/>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="155"/>
        <source>Đính kèm bản quét…</source>
        <translation>Attach scan…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="103"/>
        <source>Chọn tệp bản quét của giấy tờ này (hoặc kéo thả tệp vào dòng này)</source>
        <translation>Choose the scan of this paper (or drop the file on this row)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="106"/>
        <source>Bỏ tệp</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="138"/>
        <source>Chọn bản quét: %1</source>
        <translation>Choose scan: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="149"/>
        <source>Tệp: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="151"/>
        <source>Đổi tệp…</source>
        <translation>Change file…</translation>
    </message>
</context>
<context>
    <name>DialogKit</name>
    <message>
        <location filename="../../mohao_desk/ui/dialog_kit.py" line="64"/>
        <source>%1 giờ %2 phút, ngày %3</source>
        <translation>%1:%2, %3</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="57"/>
        <source>Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="63"/>
        <source>Chuyển xử lý</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="64"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="65"/>
        <source>Nhận bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="66"/>
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="67"/>
        <source>Trả kết quả</source>
        <translation>Return result</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="68"/>
        <source>Xin lỗi và hẹn lại</source>
        <translation>Apologize, reschedule</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="69"/>
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="70"/>
        <source>Rút hồ sơ</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="71"/>
        <source>Dừng giải quyết</source>
        <translation>Stop processing</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="72"/>
        <source>Đánh giá</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="75"/>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="76"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="77"/>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="87"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="88"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="89"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to supplement the dossier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="90"/>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new return date</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="91"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="92"/>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation>Notice of stopped processing</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="95"/>
        <source>Phiếu yêu cầu bổ sung</source>
        <translation>Supplement request slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="96"/>
        <source>Phiếu xin lỗi, hẹn lại</source>
        <translation>Apology slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="97"/>
        <source>Phiếu từ chối</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="98"/>
        <source>Thông báo dừng giải quyết</source>
        <translation>Stop notice</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="225"/>
        <source>Hồ sơ %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="257"/>
        <source>Thông tin hồ sơ</source>
        <translation>Dossier details</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="264"/>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="265"/>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="266"/>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="267"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="268"/>
        <source>Kênh nộp:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="269"/>
        <source>Tiếp nhận:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="270"/>
        <source>Hẹn trả:</source>
        <translation>Return due:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="271"/>
        <source>Hạn ban đầu:</source>
        <translation>Originally due:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="272"/>
        <source>Cán bộ xử lý:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="273"/>
        <source>Kết thúc:</source>
        <translation>Finished:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="274"/>
        <source>Bổ sung / xin lỗi:</source>
        <translation>Supplements / apologies:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="291"/>
        <source>Thành phần hồ sơ và kết quả — kéo thả bản quét vào dòng</source>
        <translation>Papers and result — drop scans on a row</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="302"/>
        <source>Kết quả giải quyết</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="315"/>
        <source>Quá trình giải quyết</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="318"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="318"/>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="363"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="318"/>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="318"/>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="344"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="375"/>
        <source>Hồ sơ đã kết thúc: không còn thao tác nào.</source>
        <translation>The dossier is closed: no actions left.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="418"/>
        <source>— Không chọn cán bộ —</source>
        <translation>— No officer —</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="420"/>
        <source>Ví dụ: Công chức Tư pháp - Hộ tịch</source>
        <translation>e.g. Justice and civil status officer</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="421"/>
        <source>Chuyển cho cán bộ:</source>
        <translation>Hand over to officer:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="422"/>
        <source>Cơ quan, bộ phận nhận:</source>
        <translation>Receiving agency or unit:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="423"/>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="439"/>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="446"/>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="429"/>
        <source>Mỗi dòng một giấy tờ.
Có thể ghi thêm: Tên giấy tờ | loại | số lượng</source>
        <translation>One paper per line.
Optionally: paper name | kind | quantity</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="433"/>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="467"/>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="809"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="435"/>
        <source>Giấy tờ cần bổ sung:</source>
        <translation>Papers missing:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="443"/>
        <source>Kết quả điện tử</source>
        <translation>Electronic result</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="449"/>
        <source>Ghi chú (người nhận, giấy tờ đã giao):</source>
        <translation>Note (recipient, papers handed over):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="457"/>
        <source>Lý do chậm trễ</source>
        <translation>Reason for the delay</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="462"/>
        <source>Lý do ngoại lệ (bắt buộc để vẫn ghi nhận):</source>
        <translation>Exception reason (required to record anyway):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="465"/>
        <source>Ví dụ: Chủ tịch UBND đồng ý bằng văn bản</source>
        <translation>e.g. approved in writing by the committee chair</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="468"/>
        <source>Ngày giờ hẹn trả mới:</source>
        <translation>New return date and time:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="475"/>
        <source>Lý do từ chối (bắt buộc):</source>
        <translation>Reason for refusal (required):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="476"/>
        <source>Lý do rút hồ sơ:</source>
        <translation>Reason for withdrawal:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="477"/>
        <source>Lý do dừng giải quyết (bắt buộc):</source>
        <translation>Reason for stopping (required):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="496"/>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="980"/>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="508"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="523"/>
        <source>In phiếu</source>
        <translation>Print slips</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="528"/>
        <source>Giấy tiếp nhận, hẹn trả</source>
        <translation>Receipt and appointment</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="529"/>
        <source>Phiếu kiểm soát</source>
        <translation>Control slip</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="566"/>
        <source>Hồ sơ %1 — %2</source>
        <translation>Dossier %1 — %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="579"/>
        <source>%1 bộ</source>
        <translation>sets: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="587"/>
        <source>Chưa phân công</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="594"/>
        <source>trả ngày %1</source>
        <translation>returned %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="599"/>
        <source>%1 lần bổ sung · %2 lần xin lỗi</source>
        <translation>supplements: %1 · apologies: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="634"/>
        <source>Tạm dừng chờ bổ sung — %1</source>
        <translation>Paused for supplement — %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="644"/>
        <source>Hẹn lại: %1</source>
        <translation>Rescheduled: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="659"/>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="759"/>
        <source>Giải quyết %1</source>
        <translation>Resolved: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="689"/>
        <source>✔ Đã số hóa %1 — %2</source>
        <translation>✔ Digitized %1 — %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="694"/>
        <source> (tái sử dụng)</source>
        <translation> (reused)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="698"/>
        <source>Chưa số hóa</source>
        <translation>Not digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="711"/>
        <source>✔ Đã số hóa</source>
        <translation>✔ Digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="716"/>
        <source>Đã có kết quả, chưa số hóa</source>
        <translation>Result ready, not digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="718"/>
        <source>Chưa có kết quả</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="745"/>
        <source>Hẹn trả %1</source>
        <translation>Return due %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="750"/>
        <source>Chuyển cho %1</source>
        <translation>Handed over to %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="752"/>
        <source>Cần bổ sung: %1</source>
        <translation>Missing: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="764"/>
        <source>Hẹn lại %1</source>
        <translation>Rescheduled to %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="769"/>
        <source>ngoại lệ: %1</source>
        <translation>exception: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="772"/>
        <source>Kết quả: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="775"/>
        <source>Thành phần %1: %2</source>
        <translation>Paper %1: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="802"/>
        <source>Hồ sơ đã được yêu cầu bổ sung %1 lần. Yêu cầu thêm lần nữa sẽ khiến hồ sơ bị tính là QUÁ HẠN; phải nêu lý do.</source>
        <translation>Supplement requests so far: %1. Another request makes the dossier count as OVERDUE; a reason is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="806"/>
        <source>Lý do (bắt buộc):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="811"/>
        <source>Đang hẹn trả: %1</source>
        <translation>Return now due: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="813"/>
        <source> (hạn ban đầu %1)</source>
        <translation> (originally %1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="857"/>
        <source>Chọn cán bộ nhận hoặc ghi cơ quan, bộ phận nhận.</source>
        <translation>Choose the receiving officer or enter the receiving agency or unit.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="866"/>
        <source>Ghi ít nhất một giấy tờ cần bổ sung (mỗi dòng một).</source>
        <translation>Enter at least one missing paper (one per line).</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="870"/>
        <source>Yêu cầu bổ sung lần nữa sẽ bị tính là quá hạn: phải nêu lý do.</source>
        <translation>Another supplement request counts as overdue: a reason is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="880"/>
        <source>Phải nêu lý do.</source>
        <translation>A reason is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="885"/>
        <source>Phải nêu lý do chậm trễ.</source>
        <translation>The reason for the delay is required.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="980"/>
        <source>Đang ghi…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/dossier_dialog.py" line="991"/>
        <source>Chọn bản quét</source>
        <translation>Choose scans</translation>
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
        <location filename="../../mohao_desk/ui/labels.py" line="95"/>
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
        <location filename="../../mohao_desk/ui/labels.py" line="79"/>
        <source>%1 ngày</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="81"/>
        <source>%1 giờ</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="83"/>
        <source>%1 phút</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="92"/>
        <source>quá hạn (bổ sung nhiều lần; còn %1)</source>
        <translation>overdue (repeated supplements; %1 left)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="97"/>
        <source>quá %1</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="99"/>
        <source>còn %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/labels.py" line="107"/>
        <source>Trong ngày (tiếp nhận trước %1 giờ %2)</source>
        <translation>Same day (if received before %1:%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="113"/>
        <source>%n ngày làm việc</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="115"/>
        <source>%n giờ làm việc</source>
        <translation>
            <numerusform>%n working hour</numerusform>
            <numerusform>%n working hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="117"/>
        <source>%n ngày</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/labels.py" line="119"/>
        <source>%n tháng</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="175"/>
        <location filename="../../mohao_desk/ui/main_window.py" line="364"/>
        <location filename="../../mohao_desk/ui/main_window.py" line="453"/>
        <source>Bộ phận Một cửa</source>
        <translation>One-Stop Desk</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="52"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="53"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="54"/>
        <source>Quá hạn chưa xin lỗi</source>
        <translation>Overdue without apology</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="55"/>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="56"/>
        <source>Chưa số hóa</source>
        <translation>Not digitized</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="57"/>
        <source>Hồ sơ của tôi</source>
        <translation>My dossiers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="58"/>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="59"/>
        <source>Tất cả hồ sơ</source>
        <translation>All dossiers</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="75"/>
        <source>Bộ phận Một cửa — %1</source>
        <translation>One-Stop Desk — %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="104"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="108"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Register dossier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="115"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="123"/>
        <source>Danh sách hằng ngày</source>
        <translation>Daily list</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="126"/>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Register book</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="130"/>
        <source>Xuất gói gửi cấp trên</source>
        <translation>Export package for upstream</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="133"/>
        <source>Nhập gói</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="137"/>
        <source>Cán bộ: </source>
        <translation>Officer: </translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="165"/>
        <source>Tìm theo mã hồ sơ, họ tên, số điện thoại (không cần dấu) — hoặc quét mã</source>
        <translation>Search by dossier code, name or phone (diacritics optional) — or scan a code</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="277"/>
        <source>%1+ hồ sơ — gõ thêm để thu hẹp</source>
        <translation>%1+ dossiers — type more to narrow down</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="279"/>
        <source>%1 hồ sơ mới nhất — gõ để tìm trong tất cả</source>
        <translation>newest %1 dossiers — type to search all</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="281"/>
        <source>%1 hồ sơ</source>
        <translation>dossiers: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/main_window.py" line="354"/>
        <source>%n hồ sơ vừa quá hạn</source>
        <translation>
            <numerusform>%n dossier just went overdue</numerusform>
            <numerusform>%n dossiers just went overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/main_window.py" line="357"/>
        <source>%n hồ sơ sắp đến hạn</source>
        <translation>
            <numerusform>%n dossier is now due soon</numerusform>
            <numerusform>%n dossiers are now due soon</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="399"/>
        <source>Danh sách theo dõi hồ sơ ngày %1</source>
        <translation>Daily dossier list %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="410"/>
        <source>Sổ theo dõi hồ sơ tháng %1</source>
        <translation>Register book %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="421"/>
        <source>Chọn thư mục lưu gói gửi cấp trên</source>
        <translation>Choose a folder for the package to the upstream office</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="428"/>
        <source>Đã xuất gói số %1 (%2 hồ sơ): %3</source>
        <translation>Exported package no. %1 (%2 dossiers): %3</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="458"/>
        <source>Đang lập %1 …</source>
        <translation>Preparing %1 …</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/main_window.py" line="463"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="59"/>
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="60"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="62"/>
        <source>In ra máy in (Ctrl+P)</source>
        <translation>Print on a printer (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="63"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="64"/>
        <source>Lưu thành tệp PDF (Ctrl+S)</source>
        <translation>Save as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="66"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="91"/>
        <source>In %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="113"/>
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="113"/>
        <source>Không mở được máy in đã chọn.</source>
        <translation>The chosen printer could not be opened.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="156"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="156"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="167"/>
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/pdf_preview.py" line="168"/>
        <source>Không lưu được tệp %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="185"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Register dossier</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="201"/>
        <source>Gõ một phần tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục…</source>
        <translation>Type part of the procedure&apos;s name (diacritics optional) or its code…</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="216"/>
        <source>&amp;Thủ tục:</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="225"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="230"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="235"/>
        <source>CCCD / hộ chiếu</source>
        <translation>ID card / passport</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="238"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="239"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="240"/>
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="248"/>
        <source>Cần xác minh</source>
        <translation>Needs verification</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="251"/>
        <source>&amp;Họ và tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="252"/>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="253"/>
        <source>Điện th&amp;oại:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="254"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="255"/>
        <source>Số &amp;giấy tờ:</source>
        <translation>&amp;ID number:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="256"/>
        <source>&amp;Kênh nộp:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="257"/>
        <source>Số &amp;bộ hồ sơ:</source>
        <translation>Number of &amp;sets:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="270"/>
        <source>Thành phần hồ sơ đã nhận</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="272"/>
        <source>Bỏ dấu ở giấy tờ chưa nhận. Kéo thả bản quét vào dòng để số hóa ngay.</source>
        <translation>Untick the papers not received. Drop a scan on a row to digitize it at once.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="306"/>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="589"/>
        <source>Lưu và in giấy hẹn  (Ctrl+S)</source>
        <translation>Save and print receipt  (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="308"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="417"/>
        <source>Lĩnh vực: %1   ·   Thời hạn giải quyết: %2</source>
        <translation>Field: %1   ·   Processing time: %2</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="423"/>
        <source>Cần xác minh (thời hạn %1)</source>
        <translation>Needs verification (processing time %1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="474"/>
        <source>Hẹn trả: (chọn thủ tục để tính ngày hẹn trả)</source>
        <translation>Return due: (choose a procedure to compute the return date)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="476"/>
        <source>Hẹn trả: %1</source>
        <translation>Return due: %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="489"/>
        <source>Chưa chọn thủ tục hành chính.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="493"/>
        <source>Chưa đánh dấu thành phần hồ sơ nào đã nhận.</source>
        <translation>No paper is ticked as received.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="548"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả — %1</source>
        <translation>Receipt and appointment slip — %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="554"/>
        <source>Đã tiếp nhận hồ sơ %1</source>
        <translation>Dossier %1 registered</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="555"/>
        <source>Hồ sơ đã được tiếp nhận, nhưng:</source>
        <translation>The dossier was registered, but:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/register_dialog.py" line="589"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="56"/>
        <source>Thiết lập đơn vị</source>
        <translation>Unit set-up</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="61"/>
        <source>Chào mừng đến với phần mềm Bộ phận Một cửa. Hãy nhập thông tin đơn vị một lần; có thể sửa lại sau.</source>
        <translation>Welcome to the One-Stop Desk. Enter your unit&apos;s details once; you can change them later.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="81"/>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="82"/>
        <source>Mã định danh điện tử:</source>
        <translation>Electronic agency code:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="83"/>
        <source>Cơ quan cấp trên:</source>
        <translation>Parent agency:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="84"/>
        <source>Địa danh ghi trên văn bản:</source>
        <translation>Place name on documents:</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="85"/>
        <source>Cán bộ (mỗi dòng: tên đăng nhập: họ tên: chức danh):</source>
        <translation>Officers (one per line: login: full name: title):</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="87"/>
        <source>Dùng dữ liệu mẫu để làm quen (không nhập thông tin trên)</source>
        <translation>Use demo data to get to know the program (skip the details above)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="121"/>
        <source>Dòng cán bộ &apos;%1&apos; phải có dạng tên đăng nhập: họ tên.</source>
        <translation>Officer line &apos;%1&apos; must read login: full name.</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/app.py" line="168"/>
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
    <name>UpstreamWindow</name>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="34"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="35"/>
        <source>Kỳ báo cáo (15 tháng trước – 14)</source>
        <translation>Reporting period (15th – 14th)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="36"/>
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="37"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="40"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="41"/>
        <source>Gói gần nhất</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="42"/>
        <source>Gói còn thiếu</source>
        <translation>Missing packages</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="43"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="44"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="45"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="46"/>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="47"/>
        <source>Đang trong hạn</source>
        <translation>Pending, on track</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="48"/>
        <source>Đang quá hạn</source>
        <translation>Pending, overdue</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="49"/>
        <source>Quá hạn chưa xin lỗi (hiện tại)</source>
        <translation>Overdue, no apology (now)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="50"/>
        <source>Trực tuyến (3.3)</source>
        <translation>Online (3.3)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="51"/>
        <source>Đúng hạn (2.1)</source>
        <translation>On time (2.1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="52"/>
        <source>Số hóa (4.2)</source>
        <translation>Digitized (4.2)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="53"/>
        <source>Kết quả điện tử (4.1)</source>
        <translation>Electronic results (4.1)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="54"/>
        <source>Hài lòng (5.4)</source>
        <translation>Satisfaction (5.4)</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="121"/>
        <source>Tổng hợp các đơn vị — %1</source>
        <translation>All units — %1</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="126"/>
        <source>Kỳ: </source>
        <translation>Period: </translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="132"/>
        <source>Nhập gói của các đơn vị</source>
        <translation>Import units&apos; packages</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="135"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="186"/>
        <source>%1: từ %2 đến %3</source>
        <translation>%1: from %2 to %3</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="256"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="305"/>
        <source>Tổng hợp các đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../mohao_desk/ui/upstream_window.py" line="316"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
</TS>
