/**
 * The application: one Spring Boot application packaged by feature, each direct sub-package a Spring Modulith
 * application module (docs/architecture.md, decisions 0001 and 0008).
 */
@NullMarked
package jp.kakaritsuke;

import org.jspecify.annotations.NullMarked;
