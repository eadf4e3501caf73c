package jp.kakaritsuke.scoring;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/v1/recommendations: authenticated, answers best first with reasons, 400 naming the field. */
@SpringBootTest
@AutoConfigureMockMvc
class RecommendationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    jp.kakaritsuke.testsupport.Fixtures fixtures;

    ResultActions post(String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/recommendations")
                .with(fixtures.bearer("admin")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aHomeCareClinicGetsHomeCareCasesAndPracticesWithReasons() throws Exception {
        post("""
                {"facilityType": "CLINIC", "prefecture": "千葉県", "beds": 0, "areaType": "METROPOLITAN",
                 "levels": {"HOME_CARE": 4, "OUT_OF_HOURS": 3, "END_OF_LIFE": 1}, "priorities": ["END_OF_LIFE"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.similarCases", hasSize(25)))
                .andExpect(jsonPath("$.similarCases[0].similarity", lessThanOrEqualTo(1.0)))
                .andExpect(jsonPath("$.similarCases[0].reasons", hasItem("同じ診療所")))
                .andExpect(jsonPath("$.practices[*].roles[*]", hasItem("END_OF_LIFE")))
                .andExpect(jsonPath("$.practices[0].reason").isNotEmpty())
                .andExpect(jsonPath("$.practices[0].source", startsWith("事例")))
                // the page's groups in the page's order: the priority first, then the weakest roles
                .andExpect(jsonPath("$.groups[0].role").value("END_OF_LIFE"))
                .andExpect(jsonPath("$.groups[0].roleName").value("看取り"))
                .andExpect(jsonPath("$.groups[0].kind").value("PRIORITY"))
                .andExpect(jsonPath("$.groups[1].kind").value("GAP"))
                .andExpect(jsonPath("$.groups[1].level").value(0))
                .andExpect(jsonPath("$.groups[0].practices[0].summary").isNotEmpty())
                .andExpect(jsonPath("$.groups[0].practices[0].why", startsWith("重点に選んだ看取りで、")))
                .andExpect(jsonPath("$.practices[0].why", startsWith("重点に選んだ看取りで、")));
    }

    @Test
    void missingRolesCountAsZeroAndAnEmptyProfileIsFine() throws Exception {
        post("{\"facilityType\": \"ASSOCIATION\"}").andExpect(status().isOk()).andExpect(jsonPath("$.practices", hasSize(10)));
    }

    @Test
    void badInputNamesTheField() throws Exception {
        post("{\"facilityType\": \"PHARMACY\", \"levels\": {\"HOME_CARE\": 5, \"FLYING\": 2}, \"priorities\": [\"NOPE\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fields", contains("facilityType", "levels.HOME_CARE", "levels.FLYING", "priorities.NOPE")));
        post("{\"facilityType\": \"CLINIC\", \"beds\": -1, \"areaType\": \"SPACE\", \"prefecture\": \"東京\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("prefecture", "beds", "areaType")));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/recommendations").contentType(MediaType.APPLICATION_JSON).content("{\"facilityType\":\"CLINIC\"}"))
                .andExpect(status().isUnauthorized());
    }
}
