package io.github.nameorigin.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The management API: the model store's versions, training new ones, activation (and so
 * rollback), deletion and import. It exists only when a management key is configured, and every
 * request needs it in {@code X-API-Key} (see the system package's security configuration).
 */
@RestController
@RequestMapping("/models")
@Conditional(OnManagementKey.class)
class ModelsController {

    private final ModelLifecycle lifecycle;

    ModelsController(ModelLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping
    VersionView.Listing list() {
        return lifecycle.list();
    }

    @GetMapping("/{id}")
    VersionView get(@PathVariable String id) {
        return lifecycle.get(id);
    }

    @PostMapping
    ResponseEntity<VersionView> train(@RequestBody(required = false) VersionView.TrainRequest request) {
        VersionView started = lifecycle.train(request);
        return ResponseEntity.accepted().location(URI.create("/models/" + started.id())).body(started);
    }

    @PostMapping("/{id}/activate")
    VersionView activate(@PathVariable String id) {
        return lifecycle.activate(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        lifecycle.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<VersionView> importArchive(@RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream archive = file.getInputStream()) {
            VersionView imported = lifecycle.importArchive(archive);
            return ResponseEntity.created(URI.create("/models/" + imported.id())).body(imported);
        }
    }
}
