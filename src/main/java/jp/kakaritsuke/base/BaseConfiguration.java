package jp.kakaritsuke.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /** Japan time: rounds, deadlines and the yearly report cycle are all in JST. Tests inject a fixed clock. */
    @Bean
    Clock clock() {
        return Clock.system(Japan.ZONE);
    }
}
