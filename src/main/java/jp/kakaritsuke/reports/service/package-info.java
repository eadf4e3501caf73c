@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.reports.service;

import org.jspecify.annotations.NullMarked;
