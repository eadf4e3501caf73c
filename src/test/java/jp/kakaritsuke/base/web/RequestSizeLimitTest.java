package jp.kakaritsuke.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.ServletWebRequest;

/** Request bodies are bounded before anything parses them: 413 problem+json over the limit, declared or not. */
@SpringBootTest
@AutoConfigureMockMvc
class RequestSizeLimitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetailsService;

    @Autowired
    RequestSizeLimitFilter filter;

    /** A JSON body of {@code size} bytes that Jackson would happily parse: one long string value. */
    static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"facilityType\":\"CLINIC\",\"prefecture\":\"".getBytes();
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    @Test
    void anOversizeJsonBodyGets413BeforeAuthenticationOrParsing() throws Exception {
        byte[] twoMegabytes = json(2 * 1024 * 1024);
        mvc.perform(post("/api/v1/recommendations").with(user(userDetailsService.loadUserByUsername("admin")))
                        .contentType(MediaType.APPLICATION_JSON).content(twoMegabytes))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.limit").value(1024 * 1024));
        // anonymous callers too: the filter comes before Spring Security
        mvc.perform(post("/api/v1/recommendations").contentType(MediaType.APPLICATION_JSON).content(twoMegabytes))
                .andExpect(status().isPayloadTooLarge());
        // under the limit the request goes on as before (here: 400 for the bad prefecture, not 413)
        mvc.perform(post("/api/v1/recommendations").with(user(userDetailsService.loadUserByUsername("admin")))
                        .contentType(MediaType.APPLICATION_JSON).content(json(10_000)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aBodyWithoutALengthIsCountedWhileReadAndStopsAtTheLimit() throws Exception {
        long limit = filter.limitFor(new MockHttpServletRequest("POST", "/api/v1/recommendations"));
        assertThat(limit).isEqualTo(1024 * 1024);
        assertThat(filter.limitFor(new MockHttpServletRequest("POST", "/VAADIN/dynamic/resource/0/x/upload")))
                .isEqualTo(6 * 1024 * 1024);
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/recommendations") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        chunked.setContent(json(60 * 1024 * 1024 / 10)); // 6 MB, sent without a length
        AtomicLong read = new AtomicLong();
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(chunked, response, (req, res) -> {
            ServletInputStream in = ((HttpServletRequest) req).getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.addAndGet(n);
            }
        })).isInstanceOf(RequestSizeLimitFilter.RequestBodyTooLargeException.class);
        assertThat(read.get()).isLessThanOrEqualTo(limit);

        // and the API answers it with 413 like a declared oversize
        var handler = new ApiExceptionHandler();
        var answer = handler.handleHttpMessageNotReadable(new HttpMessageNotReadableException("x",
                new RequestSizeLimitFilter.RequestBodyTooLargeException(limit), null), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, new ServletWebRequest(chunked));
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
    }
}
