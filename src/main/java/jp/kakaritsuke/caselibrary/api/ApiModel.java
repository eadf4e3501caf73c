package jp.kakaritsuke.caselibrary.api;

import java.util.List;
import jp.kakaritsuke.caselibrary.domain.Beds;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.Highlight;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.domain.Role;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SurveyAnswer;
import jp.kakaritsuke.caselibrary.domain.SurveyQuestion;

/** The JSON shapes of the case library API: a stable contract, decoupled from the domain records. */
final class ApiModel {

    private ApiModel() {
    }

    record RoleJson(RoleCode code, String nameJa, String nameEn, String group) {
        static RoleJson of(Role r) {
            return new RoleJson(r.code(), r.nameJa(), r.nameEn(), r.groupCode());
        }
    }

    record BedBreakdownJson(Integer general, Integer longTerm, Integer psychiatric, Integer infectious) {
        static BedBreakdownJson of(Beds b) {
            return b.general() == null && b.longTerm() == null && b.psychiatric() == null && b.infectious() == null
                    ? null
                    : new BedBreakdownJson(b.general(), b.longTerm(), b.psychiatric(), b.infectious());
        }
    }

    record PracticeJson(int number, String title, String text, List<RoleCode> roles, boolean rolesDerived, String source) {
        static PracticeJson of(Practice p) {
            return new PracticeJson(p.number(), p.title(), p.body(), p.roleCodes(), p.rolesDerived(), p.source().shortJa());
        }
    }

    record HighlightJson(Integer practice, String text) {
        static HighlightJson of(Highlight h) {
            return new HighlightJson(h.practiceNumber(), h.text());
        }
    }

    record CaseJson(String number, String kind, String category, String facilityKind, String name, String prefecture,
                    String municipality, String location, String areaType, boolean areaTypeDerived,
                    String facilityType, String facilityTypeDetail, Integer beds,
                    BedBreakdownJson bedBreakdown, String overview, List<String> regionFeatures,
                    List<HighlightJson> highlights, List<RoleCode> roles, List<RoleCode> derivedRoles,
                    List<PracticeJson> practices) {
        static CaseJson of(CaseStudy c) {
            return new CaseJson(c.number(), c.kind().name(), c.category().name(), c.facilityKind().name(), c.name(),
                    c.prefecture(), c.municipality(), c.locationText(),
                    c.areaType() == null ? null : c.areaType().name(), true, c.facilityType(), c.facilityTypeDetail(),
                    c.beds().total(), BedBreakdownJson.of(c.beds()), c.overview(), c.regionFeatures(),
                    c.highlights().stream().map(HighlightJson::of).toList(), c.markedRoles(), c.derivedRoles(),
                    c.practices().stream().map(PracticeJson::of).toList());
        }
    }

    record SurveyAnswerJson(int number, String respondent, String respondentType, String prefecture, String text) {
        static SurveyAnswerJson of(SurveyAnswer a) {
            return new SurveyAnswerJson(a.number(), a.respondent(), a.respondentType().name(), a.prefecture(), a.text());
        }
    }

    record SurveyQuestionJson(int number, String title, String question, String answerNote, List<SurveyAnswerJson> answers) {
        static SurveyQuestionJson of(SurveyQuestion q) {
            return new SurveyQuestionJson(q.number(), q.title(), q.questionText(), q.answerNote(),
                    q.answers().stream().map(SurveyAnswerJson::of).toList());
        }
    }
}
