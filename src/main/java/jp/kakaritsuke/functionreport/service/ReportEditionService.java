package jp.kakaritsuke.functionreport.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportEditionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published editions of the report's items, cached (an edition never changes once published). Public reference
 * data: reading needs no authority.
 */
@Service
public class ReportEditionService {

    private final ReportEditionRepository repository;
    private final TransactionTemplate readOnly;
    /** Editions by year; an unknown year is not cached, so an edition added later is found. */
    private final Map<Integer, ReportEdition> cache = new ConcurrentHashMap<>();
    private volatile List<Integer> years;

    public ReportEditionService(ReportEditionRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The newest edition. */
    @Anyone("published reference data: the report editions (pages and API need a login anyway)")
    public ReportEdition current() {
        List<Integer> all = years();
        if (all.isEmpty()) {
            throw new IllegalStateException("no report edition is published");
        }
        return required(all.getLast());
    }

    /** The edition a report year is prepared with: the newest whose year is at most {@code reportYear}. */
    public ReportEdition forReportYear(int reportYear) {
        return years().stream().filter(y -> y <= reportYear).reduce((a, b) -> b).map(this::required)
                .orElseThrow(() -> new IllegalArgumentException("no report edition for report year " + reportYear));
    }

    @Anyone("published reference data: the report editions (pages and API need a login anyway)")
    public Optional<ReportEdition> edition(int year) {
        ReportEdition cached = cache.get(year);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ReportEdition> loaded = readOnly.execute(s -> repository.load(year));
        loaded.ifPresent(e -> cache.putIfAbsent(year, e));
        return loaded.map(e -> cache.get(year));
    }

    /** Every edition's year, oldest first. */
    @Anyone("published reference data: the report editions (pages and API need a login anyway)")
    public List<Integer> years() {
        List<Integer> known = years;
        if (known == null) {
            known = List.copyOf(readOnly.execute(s -> repository.years()));
            years = known;
        }
        return known;
    }

    private ReportEdition required(int year) {
        return edition(year).orElseThrow(() -> new IllegalStateException("report edition " + year + " vanished"));
    }
}
