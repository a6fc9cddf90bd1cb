; ATTK's additions to electron-builder's NSIS installer and uninstaller (nsis.include in
; electron-builder.yml). makensis reads this file as UTF-8 (electron-builder passes -INPUTCHARSET UTF8).
;
; Vietnamese for every message of electron-builder's templates/nsis/messages.yml (app-builder-lib 26
; ships a Vietnamese text for one of them). customHeader is inserted by installer.nsi after
; `!insertmacro addLangs` and after the generated messages, so these LangStrings replace the English
; fallbacks; NSIS then warns 6030 ("set multiple times"), which electron-builder's -WX would turn
; into an error, hence the scoped pragma. 1066 = Vietnamese (LANG_VIETNAMESE).
!macro customHeader
  !pragma warning push
  !pragma warning disable 6030
  LangString win7Required 1066 "Cần Windows 7 trở lên để cài đặt ${PRODUCT_NAME}."
  LangString x64WinRequired 1066 "Cần Windows 64-bit để cài đặt ${PRODUCT_NAME}."
  LangString appRunning 1066 "${PRODUCT_NAME} đang chạy.$\r$\nBấm OK để đóng chương trình.$\r$\nNếu chương trình không tự đóng, hãy tự đóng nó."
  LangString appCannotBeClosed 1066 "Không đóng được ${PRODUCT_NAME}.$\r$\nHãy tự đóng chương trình rồi bấm Thử lại (Retry) để tiếp tục."
  LangString installing 1066 "Đang cài đặt, vui lòng chờ..."
  LangString areYouSureToUninstall 1066 "Gỡ cài đặt ${PRODUCT_NAME}?$\r$\nDữ liệu của đơn vị (cơ sở dữ liệu và các bản sao lưu) vẫn được giữ lại."
  LangString decompressionFailed 1066 "Không giải nén được các tệp cài đặt. Hãy chạy lại trình cài đặt."
  LangString uninstallFailed 1066 "Không gỡ được các tệp của phiên bản cũ. Hãy đóng ${PRODUCT_NAME} rồi chạy lại trình cài đặt."
  LangString appClosing 1066 "Đang đóng ${PRODUCT_NAME}..."
  !pragma warning pop
!macroend
