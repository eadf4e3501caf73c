package jp.kakaritsuke.functionreport.service;

import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import org.springframework.stereotype.Service;

/**
 * The published editions of the report's items, cached (an edition never changes once published). Public reference
 * data: reading needs no authority.
 */
@Service
public class ReportEditionService {

    /** The newest edition. */
    public ReportEdition current() {
        throw new UnsupportedOperationException("CONTRACT: implemented by the edition stream");
    }

    /** The edition a report year is prepared with: the newest whose year is at most {@code reportYear}. */
    public ReportEdition forReportYear(int reportYear) {
        throw new UnsupportedOperationException("CONTRACT: implemented by the edition stream");
    }

    public Optional<ReportEdition> edition(int year) {
        throw new UnsupportedOperationException("CONTRACT: implemented by the edition stream");
    }

    /** Every edition's year, oldest first. */
    public List<Integer> years() {
        throw new UnsupportedOperationException("CONTRACT: implemented by the edition stream");
    }
}
