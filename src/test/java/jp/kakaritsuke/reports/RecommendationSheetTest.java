package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.reports.service.FacilityReportService;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.service.ReasonTexts;
import jp.kakaritsuke.scoring.service.RecommendationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The board report's recommendation sheet: the page's groups in the page's order, with summary, source and why. */
@SpringBootTest
class RecommendationSheetTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;
    @Autowired
    RoleProfileService profiles;

    @Autowired
    FacilityReportService reports;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    ReasonTexts texts;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theRecommendationSheetListsThePagesGroupsInThePagesOrder() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        RoundView round = rounds.startRound(clinic.id());
        for (var a : round.answers()) {
            int level = switch (a.roleCode()) {
                case RoleCode.HOME_CARE, RoleCode.OUT_OF_HOURS -> 4;
                case RoleCode.MULTIDISCIPLINARY -> 1;
                default -> 3;
            };
            rounds.saveRoleAnswer(round.summary().id(), a.roleCode(), a.version(),
                    new RoleAnswerInput(level, a.roleCode() == RoleCode.HOME_CARE, null, Map.of()));
        }
        long roundId = submissions.submit(round.summary().id()).summary().id();
        Fixtures.as(fixtures.member(clinic, MemberRole.VIEWER));
        Recommendation expected = recommendations.recommend(profiles.scoringProfile(roundId));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(roundId, Locale.JAPANESE, out);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheet("推奨");
            boolean inPractices = false;
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 6; c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : cell.toString());
                }
                if (cells.getFirst().equals("重点／弱い役割")) {
                    assertThat(cells).containsExactly("重点／弱い役割", "取組", "取組の要約", "要約の出典", "この施設に合う理由", "出典");
                    inPractices = true;
                } else if (inPractices && !cells.getFirst().isBlank()) {
                    rows.add(cells);
                }
            }
        }
        List<List<String>> wanted = new ArrayList<>();
        for (var g : expected.groups()) {
            String group = texts.roleName(g.roleCode(), Locale.JAPANESE)
                    + (g.kind() == Recommendation.GroupKind.PRIORITY ? "（重点）" : "（レベル" + g.level() + "）");
            for (var p : g.practices()) {
                wanted.add(List.of(group, p.title(), p.summary(), p.summaryDerived() ? "要約（本アプリ作成）" : source(p),
                        texts.render(p.why(), Locale.JAPANESE), source(p)));
            }
        }
        assertThat(rows).isEqualTo(wanted);
        // the priority 在宅医療 comes first, then the weakest role 多職種連携
        assertThat(rows.getFirst().getFirst()).isEqualTo("在宅医療（重点）");
        assertThat(rows).anyMatch(r -> r.getFirst().equals("多職種連携（レベル1）"));
        assertThat(rows).allMatch(r -> !r.get(2).isBlank() && r.get(4).endsWith("。"));
    }

    private static String source(Recommendation.RecommendedPractice p) {
        String c = p.caseNumber().startsWith("参考") ? p.caseNumber() : "事例" + p.caseNumber();
        return c + " 取組" + jp.kakaritsuke.caselibrary.domain.SourceReference.circled(p.practiceNumber());
    }
}
