package dev.trailhound.app.evaluate;

import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.detect.Detector;
import java.util.List;

/**
 * Makes a fresh set of detectors for one isolated scan. {@code evaluate} wires the same detectors as
 * {@code scan} ({@link dev.trailhound.app.scan.Detectors}); tests hand in their own.
 */
@FunctionalInterface
public interface DetectorFactory {
    /**
     * @param organisation the organisation of this scan alone (it learns the accounts the scan sees), to bind
     *                     rules that ask whether an account is the organisation's own
     */
    List<Detector<?>> create(Organisation organisation);
}
