package dev.argus.frontend.probe;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/probes}: the probe directory as the frontend last received it. */
@RestController
class ProbeController {

    private final ProbeDirectory directory;

    ProbeController(ProbeDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/probes")
    List<ProbeView> probes() {
        return directory.list();
    }
}
