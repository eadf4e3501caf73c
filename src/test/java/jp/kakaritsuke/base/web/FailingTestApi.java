package jp.kakaritsuke.base.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints (test classpath only) for {@code ErrorAnswersHttpTest}: an unforeseen failure, a typed body. */
@RestController
class FailingTestApi {

    static final String SECRET = "jdbc:mariadb://db-internal-7.example:3306 refused";

    @GetMapping("/api/test/failing")
    String failing() {
        throw new IllegalStateException(SECRET);
    }

    record Typed(int count, List<Integer> items) {
    }

    @PostMapping(path = "/api/test/typed", consumes = "application/json")
    int typed(@RequestBody Typed body) {
        return body.count();
    }
}
