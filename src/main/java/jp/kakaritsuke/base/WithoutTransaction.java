package jp.kakaritsuke.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This service method calls repositories outside a transaction on purpose: each statement it runs is complete on its
 * own (a conditional UPDATE that claims a row, a read of what was claimed), and holding a transaction across what
 * happens between them (talking to an SMTP server) would hold locks and a connection for nothing. Changes nothing at
 * run time; {@code TransactionRuleTest} accepts the method's repository calls, and {@link #value} says why (decision
 * 0008). Everywhere else, repositories are called inside {@code @Transactional} service methods.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithoutTransaction {

    /** Why no transaction is needed (and none is wanted). */
    String value();
}
