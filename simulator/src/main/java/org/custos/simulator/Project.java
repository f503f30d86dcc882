package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A Project is a compartment of classified work: its number and name ({@code Project 12}), the business unit
 * that runs it, its classification level ({@code secret}, {@code confidential} or {@code top-secret}), the words
 * its documents are about, and its original items kept in the registry.
 */
final class Project {

    private final int number;
    private final int businessUnit;
    private final String level;
    private final String codeName;
    private final String[] words;
    private final List<RegistryItem> items = new ArrayList<>();

    Project(int number, int businessUnit, String level, String codeName, String[] words) {
        this.number = number;
        this.businessUnit = businessUnit;
        this.level = level;
        this.codeName = codeName;
        this.words = words;
    }

    int number() {
        return number;
    }

    /** The name used in LDAP and in item names: {@code Project 12}. */
    String name() {
        return "Project " + number;
    }

    int businessUnit() {
        return businessUnit;
    }

    String level() {
        return level;
    }

    String codeName() {
        return codeName;
    }

    /** The words documents of this project are made of (its code name among them). */
    String[] words() {
        return words;
    }

    /** The project's original items in the registry. */
    List<RegistryItem> items() {
        return items;
    }
}
