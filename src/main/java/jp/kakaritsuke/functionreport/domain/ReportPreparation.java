package jp.kakaritsuke.functionreport.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.base.SubmittedAggregate;

/**
 * A facility's preparation of its かかりつけ医機能報告 for one report year, against one edition of the items. One
 * version for the whole sheet (unlike the assessment's per-role versions): the 1号 check and "submit" read every item
 * at once, so two editors saving different items in the same instant get a clear conflict rather than a sheet neither
 * of them saw. Changed only through {@code ReportPreparationService}, which validates the answers first.
 */
@Entity
@Table(name = "report_preparation")
public class ReportPreparation extends SubmittedAggregate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "facility_id", nullable = false)
    private long facilityId;

    @Column(name = "report_year", nullable = false)
    private int reportYear;

    @Column(name = "edition_year", nullable = false)
    private int editionYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private PreparationStatus status = PreparationStatus.DRAFT;

    /** Derived from the answers at every change (No1Check), so rollups need not load every answer. */
    @Column(name = "no1_met", nullable = false)
    private boolean no1Met;

    @Column(name = "carried_from_year")
    private Integer carriedFromYear;

    @ElementCollection
    @CollectionTable(name = "report_preparation_answer", joinColumns = @JoinColumn(name = "preparation_id"))
    @MapKeyColumn(name = "item_code", length = 60)
    private Map<String, StoredAnswer> answers = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "report_preparation_name", joinColumns = @JoinColumn(name = "preparation_id"))
    private Set<PreparationName> names = new HashSet<>();

    protected ReportPreparation() {
    }

    public ReportPreparation(long facilityId, int reportYear, int editionYear, Integer carriedFromYear, String by, Instant now) {
        super(by, now);
        this.facilityId = facilityId;
        this.reportYear = reportYear;
        this.editionYear = editionYear;
        this.carriedFromYear = carriedFromYear;
    }

    /**
     * Sets one item's answer (replacing what was there); an empty answer removes it. The caller has validated it
     * against the edition. {@code prefilledFrom} only for PREFILLED answers.
     */
    public void put(String itemCode, List<Integer> choices, BigDecimal number, String text, List<String> itemNames,
                    AnswerOrigin origin, boolean confirmed, String prefilledFrom) {
        remove(itemCode);
        boolean empty = (choices == null || choices.isEmpty()) && number == null && (text == null || text.isBlank())
                && (itemNames == null || itemNames.isEmpty());
        if (empty) {
            return;
        }
        answers.put(itemCode, new StoredAnswer(choices, number, text, origin, confirmed,
                origin == AnswerOrigin.PREFILLED ? prefilledFrom : null));
        if (itemNames != null) {
            for (int i = 0; i < itemNames.size(); i++) {
                names.add(new PreparationName(itemCode, i + 1, itemNames.get(i)));
            }
        }
    }

    public void remove(String itemCode) {
        answers.remove(itemCode);
        names.removeIf(n -> n.itemCode().equals(itemCode));
    }

    /** 「このままでよい」: a carried or pre-filled answer stands as this year's. False when there is no such answer. */
    public boolean confirm(String itemCode) {
        StoredAnswer a = answers.get(itemCode);
        if (a == null) {
            return false;
        }
        a.confirm();
        return true;
    }

    /** The answers as the domain reads them, by item code. */
    public Map<String, PreparationAnswer> answers() {
        Map<String, PreparationAnswer> out = new LinkedHashMap<>();
        answers.keySet().stream().sorted().forEach(code -> {
            StoredAnswer a = answers.get(code);
            out.put(code, new PreparationAnswer(code, a.choices(), a.number(), a.text(), namesOf(code), a.origin(), a.confirmed()));
        });
        return out;
    }

    /** Item code → what a PREFILLED answer was pre-filled from. */
    public Map<String, String> prefilledFrom() {
        Map<String, String> out = new LinkedHashMap<>();
        answers.forEach((code, a) -> {
            if (a.prefilledFrom() != null) {
                out.put(code, a.prefilledFrom());
            }
        });
        return out;
    }

    public List<String> namesOf(String itemCode) {
        return names.stream().filter(n -> n.itemCode().equals(itemCode))
                .sorted(Comparator.comparingInt(PreparationName::seq)).map(PreparationName::name).toList();
    }

    /** Records a change (and the derived 1号 flag); the version moves with the flush. */
    public void touched(boolean no1Met, String by, Instant now) {
        this.no1Met = no1Met;
        touched(by, now);
    }

    public void submit(String by, Instant now) {
        if (status != PreparationStatus.DRAFT) {
            throw new IllegalStateException("preparation " + id + " is already submitted");
        }
        this.status = PreparationStatus.SUBMITTED;
        submitted(by, now);
    }

    /** Back to a draft; when and by whom it was last submitted stays on record until the next submission. */
    public void reopen(String by, Instant now) {
        if (status != PreparationStatus.SUBMITTED) {
            throw new IllegalStateException("preparation " + id + " is not submitted");
        }
        this.status = PreparationStatus.DRAFT;
        touched(by, now);
    }

    public boolean isDraft() {
        return status == PreparationStatus.DRAFT;
    }

    public Long getId() {
        return id;
    }

    public long getFacilityId() {
        return facilityId;
    }

    public int getReportYear() {
        return reportYear;
    }

    public int getEditionYear() {
        return editionYear;
    }

    public PreparationStatus getStatus() {
        return status;
    }

    public boolean isNo1Met() {
        return no1Met;
    }

    public Integer getCarriedFromYear() {
        return carriedFromYear;
    }
}
