package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in texts of Vaadin components (upload buttons, date picker months) come in English; these set them from
 * the resource bundles, so a Japanese page has no English left in it.
 */
public final class ComponentI18n {

    private ComponentI18n() {
    }

    /** An upload with translated texts; the two error messages are the caller's (they know the size and types). */
    public static void upload(Upload upload, String fileTooBig, String incorrectFileType) {
        Component c = upload;
        UploadI18N i18n = new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(c.getTranslation("upload.addFile")).setMany(c.getTranslation("upload.addFiles")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(c.getTranslation("upload.dropFile")).setMany(c.getTranslation("upload.dropFiles")))
                .setError(new UploadI18N.Error().setTooManyFiles(c.getTranslation("upload.error.tooMany"))
                        .setFileIsTooBig(fileTooBig).setIncorrectFileType(incorrectFileType))
                .setFile(new UploadI18N.File().setRetry(c.getTranslation("upload.retry")).setStart(c.getTranslation("upload.start"))
                        .setRemove(c.getTranslation("upload.remove")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(c.getTranslation("upload.connecting"))
                                .setStalled(c.getTranslation("upload.stalled")).setProcessing(c.getTranslation("upload.processing"))
                                .setHeld(c.getTranslation("upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(c.getTranslation("upload.remaining"))
                                .setUnknown(c.getTranslation("upload.remainingUnknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(c.getTranslation("upload.error.server"))
                                .setUnexpectedServerError(c.getTranslation("upload.error.server"))
                                .setForbidden(c.getTranslation("upload.error.forbidden"))
                                .setFileTooLarge(fileTooBig)))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        upload.setI18n(i18n);
    }

    /** A date picker with translated months and weekdays, ISO dates (2027-03-31) in both languages. */
    public static void datePicker(DatePicker picker) {
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(list(picker, "datePicker.months"))
                .setWeekdays(list(picker, "datePicker.weekdays"))
                .setWeekdaysShort(list(picker, "datePicker.weekdaysShort"))
                .setFirstDayOfWeek(0)
                .setToday(picker.getTranslation("datePicker.today"))
                .setCancel(picker.getTranslation("datePicker.cancel"))
                .setDateFormat("yyyy-MM-dd")
                .setBadInputErrorMessage(picker.getTranslation("datePicker.badInput")));
    }

    private static List<String> list(Component c, String key) {
        return Arrays.stream(c.getTranslation(key).split(",")).map(String::strip).toList();
    }
}
