package org.custos.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The PersonFactory makes new people: a unique name, user id ({@code ACM2278}), work address
 * ({@code First.M.Last@dtaa.com}) and workstation ({@code PC-1234}), a home address, friends and business contacts,
 * habits, personality scores and a set of working documents; it also gives a person a project's documents when
 * they join it.
 */
final class PersonFactory {

    static final String ORG_DOMAIN = "dtaa.com";

    private final Dice dice;
    private final Set<String> names = new HashSet<>();
    private final Set<String> userIds = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final Set<String> pcs = new HashSet<>();
    private int nextIndex;

    PersonFactory(Dice dice) {
        this.dice = dice;
    }

    /** A new person with an assigned workstation; {@code pc} null means a new one. */
    Person create(int hireDay, String pc, boolean nightShift, boolean outsideContacts) {
        String first;
        String middle;
        String last;
        String name;
        String email;
        do {
            first = dice.pick(Names.GIVEN);
            middle = dice.pick(Names.GIVEN);
            last = dice.pick(Names.FAMILY);
            name = first + " " + middle + " " + last;
            email = first + "." + middle.charAt(0) + "." + last + "@" + ORG_DOMAIN;
        } while (middle.equals(first) || names.contains(name) || emails.contains(email));
        names.add(name);
        emails.add(email);
        String initials = "" + first.charAt(0) + middle.charAt(0) + last.charAt(0);
        String userId;
        do {
            userId = initials.toUpperCase(Locale.ROOT) + dice.digits(4);
        } while (!userIds.add(userId));
        List<String> friends = new ArrayList<>();
        int friendCount = dice.between(2, 5);
        for (int i = 0; i < friendCount; i++) {
            friends.add(personalAddress(dice.pick(Names.GIVEN), dice.pick(Names.FAMILY)));
        }
        List<String> contacts = new ArrayList<>();
        int contactCount = outsideContacts ? dice.between(3, 8) : dice.between(0, 3);
        for (int i = 0; i < contactCount; i++) {
            String domain = dice.chance(0.1) ? dice.pick(Lexicon.COMPETITOR_DOMAINS)
                    : dice.pick(Lexicon.PARTNER_DOMAINS);
            contacts.add(dice.pick(Names.GIVEN) + "." + dice.pick(Names.FAMILY) + "@" + domain);
        }
        Habits habits = Habits.draw(dice, nightShift);
        int[] personality = new int[5];
        for (int i = 0; i < personality.length; i++) {
            personality[i] = (int) Math.round(dice.gaussian(30, 7, 10, 50));
        }
        Person person = new Person(nextIndex++, name, userId, email, personalAddress(first, last), friends,
                contacts, pc == null ? newPc() : pc, habits, personality, hireDay);
        addWorkDocuments(person);
        List<WebCatalog.Site> sites = new ArrayList<>(WebCatalog.ORDINARY);
        int favourites = dice.between(8, 20);
        for (int i = 0; i < favourites; i++) {
            person.favouriteSites().add(sites.remove(dice.below(sites.size())));
        }
        return person;
    }

    /** A workstation name not used before. */
    String newPc() {
        String pc;
        do {
            pc = "PC-" + dice.between(1000, 9999);
        } while (!pcs.add(pc));
        return pc;
    }

    /** Makes the person a member of the project and gives them a few of its documents. */
    void join(Person person, Project project) {
        if (person.projects().contains(project)) {
            return;
        }
        person.projects().add(project);
        int count = dice.between(2, 5);
        for (int i = 0; i < count; i++) {
            String title = dice.pick(Lexicon.PROJECT_TITLES).replace('_', ' ');
            String extension = dice.pick(new String[] {"docx", "pdf", "xlsx", "pptx", "doc"});
            String fileName = project.name() + " " + title + "." + extension;
            String path = documentsFolder(person) + "\\" + project.name() + "\\" + fileName;
            person.documents().add(document(path, fileName, extension, project.words(), project));
        }
    }

    private void addWorkDocuments(Person person) {
        int count = dice.between(12, 30);
        for (int i = 0; i < count; i++) {
            String extension = dice.pick(new String[] {"doc", "doc", "docx", "pdf", "xlsx", "txt", "jpg", "zip",
                    "pptx"});
            String fileName = dice.alnum(8) + "." + extension;
            person.documents().add(document(documentsFolder(person) + "\\" + fileName, fileName, extension,
                    Lexicon.WORK, null));
        }
    }

    private Document document(String path, String fileName, String extension, String[] pool, Project project) {
        StringBuilder content = new StringBuilder(Lexicon.magic(extension));
        Lexicon.appendWords(content, dice, pool, dice.between(6, 18));
        if (project != null) {
            content.append(' ').append(project.codeName()).append(' ').append(project.level().replace('-', ' '));
        }
        String text = content.charAt(0) == ' ' ? content.substring(1) : content.toString();
        return new Document(path, fileName, extension, text, dice.logNormal(60_000, 1.0), project);
    }

    private String personalAddress(String first, String last) {
        String domain = dice.pick(Lexicon.PERSONAL_DOMAINS);
        return switch (dice.below(4)) {
            case 0 -> first + "." + last + "@" + domain;
            case 1 -> first.toLowerCase(Locale.ROOT).charAt(0) + last.toLowerCase(Locale.ROOT)
                    + dice.between(1, 99) + "@" + domain;
            case 2 -> first.toLowerCase(Locale.ROOT) + "_" + last.toLowerCase(Locale.ROOT) + "@" + domain;
            default -> last + first.charAt(0) + dice.between(60, 95) + "@" + domain;
        };
    }

    static String documentsFolder(Person person) {
        return "C:\\Users\\" + person.userId() + "\\Documents";
    }
}
