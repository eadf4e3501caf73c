/**
 * Identity and security: users in the database, login, the bootstrap administrator, the security filter chain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
@NullMarked
package jp.kakaritsuke.identity;

import org.jspecify.annotations.NullMarked;
