@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.assessment.service;

import org.jspecify.annotations.NullMarked;
