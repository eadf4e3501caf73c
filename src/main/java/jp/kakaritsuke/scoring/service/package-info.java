@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.scoring.service;

import org.jspecify.annotations.NullMarked;
