package jp.kakaritsuke.associations.service;

import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.base.Csv;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityDirectory;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk onboarding: an association imports its member facilities from CSV (UTF-8 or Shift_JIS) or .xlsx. Every row is
 * checked and reported with its line number; the caller then imports either all rows (only if none is wrong) or only
 * the valid ones. Nothing is half done: the import is one transaction. Each imported facility with a contact person
 * gets an invitation for its first editor.
 */
@Service
public class MemberImportService {

    /** Data rows per file (the header not counted): a 郡市区医師会 has at most a few thousand members. */
    public static final int MAX_ROWS = 10_000;
    /** Upload size; the upload handler stops reading here (see MemberImportPanel). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Columns per row: the import knows five; a member list exported from another system rarely has more than 30. */
    public static final int MAX_COLUMNS = 100;
    /** Characters per CSV record (quoted line breaks included): five fields of at most 200 characters fit many times. */
    public static final int MAX_LINE_CHARS = 10_000;
    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("施設名", "name"), Map.entry("name", "name"),
            Map.entry("種別", "type"), Map.entry("type", "type"),
            Map.entry("市区町村", "municipality"), Map.entry("municipality", "municipality"),
            Map.entry("病床数", "beds"), Map.entry("beds", "beds"),
            Map.entry("連絡先", "contact"), Map.entry("担当者", "contact"), Map.entry("contact", "contact"));
    // クリニック and 医院 are how clinics name themselves; in law both are 診療所
    static final Map<String, FacilityKind> TYPES = Map.of("診療所", FacilityKind.CLINIC, "クリニック", FacilityKind.CLINIC,
            "医院", FacilityKind.CLINIC, "clinic", FacilityKind.CLINIC, "病院", FacilityKind.HOSPITAL,
            "hospital", FacilityKind.HOSPITAL, "医師会", FacilityKind.ASSOCIATION, "association", FacilityKind.ASSOCIATION);

    public enum Mode { ALL_OR_NOTHING, VALID_ONLY }

    public record RowResult(int line, String name, String type, String municipality, String beds, String contact,
                            List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public record Preview(String encoding, List<String> fileErrors, List<RowResult> rows, int emptyRows) {
        public long validRows() {
            return rows.stream().filter(RowResult::valid).count();
        }

        public long invalidRows() {
            return rows.size() - validRows();
        }
    }

    /** {@code link}: the absolute acceptance link (base.PublicLinks), for the codes CSV. */
    public record Invited(String facility, String contact, String code, java.net.URI link, java.time.Instant expiresAt) {
    }

    public record Result(int imported, int skipped, List<Invited> invitations) {
    }

    private final AssociationRepository associations;
    private final AssociationAccess access;
    private final AssociationAdminService admin;
    private final FacilityService facilities;
    private final FacilityDirectory directory;
    private final InvitationService invitations;
    private final ApplicationEventPublisher events;

    public MemberImportService(AssociationRepository associations, AssociationAccess access, AssociationAdminService admin,
                               FacilityService facilities, FacilityDirectory directory, InvitationService invitations,
                               ApplicationEventPublisher events) {
        this.directory = directory;
        this.events = events;
        this.associations = associations;
        this.access = access;
        this.admin = admin;
        this.facilities = facilities;
        this.invitations = invitations;
    }

    /** Checks a file without importing anything. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Preview preview(long associationId, String fileName, byte[] content) {
        access.requireVisible(associationId);
        return check(associationId, fileName, content);
    }

    /** Imports a file: all rows if all are valid ({@code ALL_OR_NOTHING}), or the valid ones. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Result importMembers(long associationId, String fileName, byte[] content, Mode mode) {
        access.requireVisible(associationId);
        Preview preview = check(associationId, fileName, content);
        if (!preview.fileErrors().isEmpty()) {
            throw new InvalidInputException(preview.fileErrors());
        }
        if (mode == Mode.ALL_OR_NOTHING && preview.invalidRows() > 0) {
            throw new InvalidInputException(List.of("import.error.rowsInvalid"));
        }
        Association association = associations.tree().get(associationId).orElseThrow();
        List<Invited> invited = new ArrayList<>();
        int imported = 0;
        for (RowResult row : preview.rows()) {
            if (!row.valid()) {
                continue;
            }
            FacilityKind type = TYPES.get(row.type().toLowerCase(Locale.ROOT));
            Integer beds = row.beds().isEmpty() ? null : Integer.valueOf(row.beds());
            FacilityProfile created = facilities.create(new FacilityProfile(null, 0, row.name(), type, association.prefecture(),
                    row.municipality(), null, beds, null, null, null, null, Set.of()));
            admin.addImported(associationId, created.id());
            if (!row.contact().isEmpty()) {
                var issued = invitations.invite(created.id(), MemberRole.EDITOR, row.contact());
                invited.add(new Invited(row.name(), row.contact(), issued.code(), issued.link(), issued.expiresAt()));
            }
            imported++;
        }
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_MEMBERS_IMPORTED, associationId, null,
                "file " + fileName + ": " + imported + " imported, " + preview.invalidRows() + " skipped, "
                        + invited.size() + " invited"));
        return new Result(imported, (int) preview.invalidRows(), invited);
    }

    Preview check(long associationId, String fileName, byte[] content) {
        List<String> fileErrors = new ArrayList<>();
        if (content == null || content.length == 0) {
            return new Preview(null, List.of("import.error.empty"), List.of(), 0);
        }
        if (content.length > MAX_BYTES) {
            return new Preview(null, List.of("import.error.tooLarge"), List.of(), 0);
        }
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> records;
        List<Set<Integer>> formulaCells = new ArrayList<>();
        String encoding;
        try {
            if (lower.endsWith(".xlsx")) {
                encoding = "xlsx";
                XlsxRows.Sheet sheet = XlsxRows.read(content, MAX_ROWS + 1, MAX_COLUMNS);
                records = sheet.rows();
                formulaCells.addAll(sheet.formulaCells().subList(Math.min(1, sheet.formulaCells().size()),
                        sheet.formulaCells().size()));
            } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
                Decoded decoded = decode(content);
                encoding = decoded.charset();
                records = Csv.parse(decoded.text(), new Csv.Limits(MAX_ROWS + 1, MAX_COLUMNS, MAX_LINE_CHARS));
            } else {
                return new Preview(null, List.of("import.error.fileType"), List.of(), 0);
            }
        } catch (XlsxRows.LimitException e) {
            return new Preview("xlsx", List.of(switch (e.kind) {
                case ROWS -> "import.error.tooManyRows";
                case COLUMNS -> "import.error.tooManyColumns";
                case PART_SIZE -> "import.error.unpackedTooLarge";
            }), List.of(), 0);
        } catch (Csv.LimitExceededException e) {
            return new Preview(null, List.of(switch (e.kind()) {
                case RECORDS -> "import.error.tooManyRows";
                case FIELDS -> "import.error.tooManyColumns";
                case RECORD_LENGTH -> "import.error.lineTooLong";
            }), List.of(), 0);
        } catch (IOException | RuntimeException e) {
            return new Preview(null, List.of("import.error.unreadable"), List.of(), 0);
        }
        if (records.isEmpty()) {
            return new Preview(encoding, List.of("import.error.empty"), List.of(), 0);
        }
        List<String> header = records.getFirst();
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String key = HEADERS.get(header.get(c).strip().toLowerCase(Locale.ROOT));
            if (key != null) {
                columns.putIfAbsent(key, c);
            }
        }
        for (String required : List.of("name", "type", "municipality")) {
            if (!columns.containsKey(required)) {
                fileErrors.add("import.error.missingColumn." + required);
            }
        }
        if (!fileErrors.isEmpty()) {
            return new Preview(encoding, fileErrors, List.of(), 0);
        }
        if (records.size() - 1 > MAX_ROWS) {
            return new Preview(encoding, List.of("import.error.tooManyRows"), List.of(), 0);
        }
        Set<String> existing = new HashSet<>();
        directory.listings(associations.memberIds(associations.tree().subtree(associationId))).values()
                .forEach(f -> existing.add(key(f.name(), f.municipality())));
        Set<String> seen = new HashSet<>();
        List<RowResult> rows = new ArrayList<>();
        int empty = 0;
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.stream().allMatch(v -> v == null || v.isBlank())) {
                empty++;
                continue;
            }
            String name = get(r, columns.get("name"));
            String type = get(r, columns.get("type"));
            String municipality = get(r, columns.get("municipality"));
            String beds = get(r, columns.get("beds"));
            String contact = get(r, columns.get("contact"));
            List<String> errors = new ArrayList<>();
            boolean formula = (i - 1 < formulaCells.size() && !formulaCells.get(i - 1).isEmpty())
                    || Stream.of(name, type, municipality, beds, contact).anyMatch(TextRules::startsLikeFormula);
            if (formula) {
                errors.add("import.error.formula");
            }
            // the same rule as the facility form (FacilityProfile.validate) and every other name
            if (Stream.of(name, type, municipality, beds, contact).anyMatch(TextRules::hasInvisibleCharacters)) {
                errors.add("import.error.invisible");
            }
            if (name.isEmpty()) {
                errors.add("import.error.name");
            } else if (name.length() > 200) {
                errors.add("import.error.nameLength");
            }
            FacilityKind facilityType = TYPES.get(type.toLowerCase(Locale.ROOT));
            if (facilityType == null) {
                errors.add("import.error.type");
            }
            if (municipality.isEmpty() || municipality.length() > 100) {
                errors.add("import.error.municipality");
            }
            if (!beds.isEmpty()) {
                try {
                    int b = Integer.parseInt(beds);
                    if (b < 0 || b > FacilityProfile.MAX_BEDS) {
                        errors.add("import.error.beds");
                    } else if (facilityType == FacilityKind.CLINIC && b > 19) {
                        errors.add("facility.error.clinicBeds");
                    }
                } catch (NumberFormatException e) {
                    errors.add("import.error.beds");
                }
            }
            if (contact.length() > 200) {
                errors.add("import.error.contact");
            }
            String key = key(name, municipality);
            if (!name.isEmpty() && !seen.add(key)) {
                errors.add("import.error.duplicateInFile");
            } else if (existing.contains(key)) {
                errors.add("import.error.alreadyMember");
            }
            rows.add(new RowResult(i + 1, name, type, municipality, beds, contact, List.copyOf(errors)));
        }
        return new Preview(encoding, List.of(), rows, empty);
    }

    private static String key(String name, String municipality) {
        return java.text.Normalizer.normalize(name.strip() + "|" + (municipality == null ? "" : municipality.strip()),
                java.text.Normalizer.Form.NFKC);
    }

    private static String get(List<String> row, Integer column) {
        if (column == null || column >= row.size() || row.get(column) == null) {
            return "";
        }
        return row.get(column).strip();
    }

    record Decoded(String text, String charset) {
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Shift_JIS as Excel writes it (Windows-31J). */
    static Decoded decode(byte[] content) throws CharacterCodingException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            String text = Charset.forName("windows-31j").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return new Decoded(text, "Shift_JIS");
        }
    }
}
