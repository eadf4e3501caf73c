package jp.kakaritsuke.testsupport;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin's security configuration gives every application context its own {@link SecurityContextHolderStrategy}
 * (with its own thread-local) and points the static {@link SecurityContextHolder} at the newest one. With several
 * cached test contexts, {@code @WithMockUser} and our fixtures would write into another context's holder than the
 * one the code under test reads. Before each test, point the static holder at the test's own context.
 * Runs before Spring Security's WithSecurityContextTestExecutionListener (order 10000).
 */
public class SecurityStrategyTestExecutionListener implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 9000;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(strategy -> {
                    if (SecurityContextHolder.getContextHolderStrategy() != strategy) {
                        SecurityContextHolder.clearContext();
                        SecurityContextHolder.setContextHolderStrategy(strategy);
                    }
                });
    }
}
