package dev.trailhound.web.principals;

import dev.trailhound.core.baseline.BaselineView;
import java.util.Optional;

/** Where the API finds what an identity's anomaly baseline holds (the service reads it on its detection thread). */
public interface PrincipalBaselines {
    /**
     * @param id a baseline key, an ARN (a role session's finds its role or person) or a name
     * @throws java.util.concurrent.TimeoutException when detection is too busy to answer in time
     */
    Optional<BaselineView> find(String id) throws java.util.concurrent.TimeoutException;
}
