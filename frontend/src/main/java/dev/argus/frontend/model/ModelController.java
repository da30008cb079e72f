package dev.argus.frontend.model;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The model API: train now, the current model, a model version. */
@RestController
class ModelController {

    private final Models models;

    ModelController(Models models) {
        this.models = models;
    }

    @PostMapping("/api/v1/models")
    ResponseEntity<ModelView> train() {
        ModelView model = models.train();
        return ResponseEntity.created(URI.create("/api/v1/models/" + model.id())).body(model);
    }

    @GetMapping("/api/v1/models/current")
    ModelView current() {
        return models.current();
    }

    @GetMapping("/api/v1/models/{id}")
    ModelView find(@PathVariable long id) {
        return models.find(id);
    }
}
