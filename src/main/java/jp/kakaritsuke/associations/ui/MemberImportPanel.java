package jp.kakaritsuke.associations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kakaritsuke.associations.service.MemberImportService.Mode;
import jp.kakaritsuke.associations.service.MemberImportService.RowResult;
import jp.kakaritsuke.associations.service.MemberImportService;
import jp.kakaritsuke.base.Csv;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.BoundedUploadHandler;
import jp.kakaritsuke.base.ui.ComponentI18n;
import jp.kakaritsuke.base.ui.Grids;

/**
 * 会員の一括登録: upload a CSV or .xlsx, see every row checked with its line number and reason, then choose to import
 * all rows (only if none is wrong) or only the valid ones. The service checks the file again on import.
 */
class MemberImportPanel extends Div {

    private final MemberImportService imports;
    private final long associationId;
    private final Runnable afterImport;
    final Upload upload;
    final Grid<RowResult> rows = new Grid<>();
    final Paragraph summary = new Paragraph();
    final Button importAll = new Button();
    final Button importValid = new Button();
    final Div result = new Div();
    final Anchor codesDownload = new Anchor();
    String fileName;
    byte[] content;
    private final DateTimeFormatter time;

    /** {@code time}: how the page writes a time ({@code TimeFormat.MINUTE} in the clock's zone). */
    MemberImportPanel(MemberImportService imports, long associationId, DateTimeFormatter time, Runnable afterImport) {
        this.imports = imports;
        this.time = time;
        this.associationId = associationId;
        this.afterImport = afterImport;
        addClassName("member-import");
        // counted while it streams in: reading stops at the limit instead of buffering whatever is sent
        upload = new Upload(new BoundedUploadHandler(MemberImportService.MAX_BYTES, getTranslation("import.error.tooLarge"),
                this::received, this::tooLarge));
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(MemberImportService.MAX_BYTES);
        upload.setMaxFiles(1);
        ComponentI18n.upload(upload, getTranslation("import.error.tooLarge"), getTranslation("import.error.fileType"));
        Paragraph hint = new Paragraph(getTranslation("import.hint"));
        hint.addClassName("hint");

        rows.addColumn(RowResult::line).setHeader(getTranslation("import.col.line")).setWidth("5rem").setFlexGrow(0);
        rows.addColumn(RowResult::name).setHeader(getTranslation("facility.name"));
        rows.addColumn(RowResult::type).setHeader(getTranslation("facility.type")).setWidth("7rem").setFlexGrow(0);
        rows.addColumn(RowResult::municipality).setHeader(getTranslation("facility.municipality"));
        rows.addColumn(r -> r.valid() ? getTranslation("import.ok")
                : r.errors().stream().map(this::getTranslation).collect(Collectors.joining(" / ")))
                .setHeader(getTranslation("import.col.result")).setFlexGrow(2);
        rows.setPartNameGenerator(r -> r.valid() ? null : "invalid");
        rows.setVisible(false);
        rows.addClassName("import-rows");

        importAll.setText(getTranslation("import.all"));
        importAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importAll.addClickListener(e -> doImport(Mode.ALL_OR_NOTHING));
        importValid.setText(getTranslation("import.validOnly"));
        importValid.addClickListener(e -> doImport(Mode.VALID_ONLY));
        HorizontalLayout actions = new HorizontalLayout(importAll, importValid);
        actions.setVisible(false);
        importAll.setEnabled(false);
        add(new H3(getTranslation("import.title")), hint, upload, summary, rows, actions, result);
    }

    void received(String name, byte[] data) {
        fileName = name;
        content = data;
        result.removeAll();
        var preview = imports.preview(associationId, name, data);
        boolean fileOk = preview.fileErrors().isEmpty();
        summary.setText(getTranslation("import.fileSummary", name, fileOk
                ? getTranslation("import.summary", preview.rows().size(), preview.validRows(), preview.invalidRows(),
                        preview.emptyRows(), preview.encoding())
                : preview.fileErrors().stream().map(this::getTranslation).collect(Collectors.joining(" / "))));
        // the file is read; the button stays ready for a corrected one (the summary names the file)
        upload.clearFileList();
        rows.setItems(preview.rows());
        Grids.fitRows(rows, preview.rows().size());
        rows.setVisible(fileOk);
        importAll.setEnabled(fileOk && preview.invalidRows() == 0 && preview.validRows() > 0);
        importValid.setEnabled(fileOk && preview.validRows() > 0);
        importAll.getParent().ifPresent(p -> p.setVisible(fileOk));
    }

    /** The upload was cut off at {@link MemberImportService#MAX_BYTES}: nothing of it is kept. */
    void tooLarge(String name) {
        fileName = null;
        content = null;
        result.removeAll();
        summary.setText(getTranslation("import.fileSummary", name, getTranslation("import.error.tooLarge")));
        upload.clearFileList();
        rows.setItems(List.of());
        rows.setVisible(false);
        importAll.setEnabled(false);
        importValid.setEnabled(false);
        importAll.getParent().ifPresent(p -> p.setVisible(false));
    }

    long associationId() {
        return associationId;
    }

    /** The codes as Excel opens them (base.Csv): one row per facility with its link and expiry. */
    byte[] codesCsv(List<MemberImportService.Invited> invited) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Stream.of("facility.name", "import.col.contact", "invitation.code", "import.col.link", "invitation.expires")
                .map(this::getTranslation).toList());
        for (var i : invited) {
            rows.add(List.of(i.facility(), i.contact(), i.code(), i.link().toString(),
                    time.format(i.expiresAt())));
        }
        return Csv.write(rows);
    }

    void doImport(Mode mode) {
        try {
            var done = imports.importMembers(associationId, fileName, content, mode);
            Notification.show(getTranslation("import.done", done.imported(), done.skipped()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            result.removeAll();
            if (!done.invitations().isEmpty()) {
                UnorderedList codes = new UnorderedList();
                done.invitations().forEach(i -> codes.add(new ListItem(getTranslation("import.invitation", i.facility(),
                        i.contact(), i.code()))));
                // hundreds of codes go out by mail merge: the same list as a CSV, built from memory, never stored
                byte[] csv = codesCsv(done.invitations());
                codesDownload.setHref(DownloadHandler.fromInputStream(event ->
                        new DownloadResponse(new ByteArrayInputStream(csv),
                                "invitation-codes.csv", "text/csv;charset=UTF-8", csv.length)));
                codesDownload.setText(getTranslation("import.codesDownload"));
                codesDownload.getElement().setAttribute("download", true);
                result.add(new Paragraph(getTranslation("import.invitationsHint")), codesDownload, codes);
            }
            importAll.setEnabled(false);
            importValid.setEnabled(false);
            afterImport.run();
        } catch (InvalidInputException e) {
            Notification.show(e.messageKeys().stream().map(this::getTranslation).collect(Collectors.joining(" / ")))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
