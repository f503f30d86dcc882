package org.custos.core.harvest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Catalogue is every resource and research area the analysed requests named, each classified once: a document
 * (by its extension or a download segment), a page, page furniture (an asset) or {@code robots.txt}.
 */
final class Catalogue {

    private final HarvestParameters parameters;
    private final Map<String, Resource> byTarget = new HashMap<>();
    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, Resource> byName = new HashMap<>();
    private final Map<String, Integer> areaIds = new HashMap<>();
    private final List<String> areas = new ArrayList<>();

    Catalogue(HarvestParameters parameters) {
        this.parameters = parameters;
    }

    /** The resource a request target names, classified on first sight. */
    Resource resolve(String target) {
        Resource known = byTarget.get(target);
        if (known != null) {
            return known;
        }
        Resource made = classify(target);
        byTarget.put(target, made);
        return made;
    }

    /** The resource with an id. */
    Resource resource(int id) {
        return resources.get(id);
    }

    /** The number of distinct resources. */
    int size() {
        return resources.size();
    }

    /** The name of an area id. */
    String area(int id) {
        return areas.get(id);
    }

    /** The number of areas. */
    int areaCount() {
        return areas.size();
    }

    private Resource classify(String target) {
        int query = target.indexOf('?');
        int hash = target.indexOf('#');
        int end = query < 0 ? target.length() : query;
        if (hash >= 0 && hash < end) {
            end = hash;
        }
        String path = target.substring(0, end);
        int lastSlash = path.lastIndexOf('/');
        String last = path.substring(lastSlash + 1).toLowerCase(Locale.ROOT);
        int dot = last.lastIndexOf('.');
        String extension = dot < 0 ? "" : last.substring(dot + 1);
        Resource.Kind kind;
        String name;
        if (path.equals("/robots.txt")) {
            kind = Resource.Kind.ROBOTS;
            name = path;
        } else if (parameters.documentExtensions().contains(extension)) {
            kind = Resource.Kind.DOCUMENT;
            name = path;
        } else if (servesByQuery(path, query >= 0)) {
            kind = Resource.Kind.DOCUMENT;
            name = hash >= 0 ? target.substring(0, hash) : target;
        } else if (parameters.assetExtensions().contains(extension)) {
            kind = Resource.Kind.ASSET;
            name = path;
        } else {
            kind = Resource.Kind.PAGE;
            name = hash >= 0 ? target.substring(0, hash) : target;
        }
        Resource existing = findByName(name);
        if (existing != null) {
            return existing;
        }
        Resource made = new Resource(resources.size(), name, kind, areaId(path));
        resources.add(made);
        byName.put(name, made);
        return made;
    }

    /* One name is one resource: a document or asset whatever query follows it, a page whatever fragment. */
    private Resource findByName(String name) {
        return byName.get(name);
    }

    private boolean servesByQuery(String path, boolean hasQuery) {
        if (!hasQuery) {
            return false;
        }
        int start = 0;
        while (start < path.length()) {
            int slash = path.indexOf('/', start);
            int stop = slash < 0 ? path.length() : slash;
            if (stop > start && parameters.downloadSegments()
                    .contains(path.substring(start, stop).toLowerCase(Locale.ROOT))) {
                return true;
            }
            start = stop + 1;
        }
        return false;
    }

    /* The area is the first areaDepth folders: /publications/photonics/2019/x.pdf -> /publications/photonics. */
    private int areaId(String path) {
        int lastSlash = path.lastIndexOf('/');
        String folders = lastSlash <= 0 ? "/" : path.substring(0, lastSlash);
        int seen = 0;
        int cut = folders.length();
        for (int i = 1; i < folders.length(); i++) {
            if (folders.charAt(i) == '/' && ++seen == parameters.areaDepth()) {
                cut = i;
                break;
            }
        }
        String area = folders.substring(0, cut).toLowerCase(Locale.ROOT);
        Integer id = areaIds.get(area);
        if (id == null) {
            id = areas.size();
            areaIds.put(area, id);
            areas.add(area);
        }
        return id;
    }
}
