package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The Organization is the simulated company: three business units (HQ and two subsidiaries), their functional
 * units, departments and teams with a chain of supervisors up to the President, its classified projects with
 * their registry items, and everyone it ever employs.
 *
 * <p>Head count is spread over departments by weight. Every team's lead is its first member; the lead of a
 * department's first team heads the department, and so on up, so supervisors exist at any size. Leads never leave,
 * which keeps the chart whole as people come and go.
 */
final class Organization {

    /** A department template: where it sits, its team names, member roles, size weight and clearance rate. */
    private record DepartmentPlan(int businessUnit, String functionalUnit, String department, String[] teams,
                                  String[] roles, double weight, double clearanceRate, double projectRate) {
    }

    private static final String ADMIN = "1 - Administration";
    private static final String MANUFACTURING = "2 - Manufacturing";
    private static final String PURCHASING = "3 - PurchasingAndContracts";
    private static final String SALES = "4 - SalesAndMarketing";
    private static final String RESEARCH = "5 - ResearchAndEngineering";
    private static final String FINANCE = "6 - Finance";
    private static final String[] SITES = {"HQ", "Sub-1", "Sub-2"};
    private static final double[] UNIT_SHARES = {0.60, 0.25, 0.15};

    private static final List<DepartmentPlan> PLANS = List.of(
            plan(1, ADMIN, "1 - Executive", "Office", "AdministrativeAssistant Secretary", 2, 0.5, 0.05),
            plan(1, ADMIN, "3 - InformationTechnology", "ITSupport Infrastructure", "ITAdmin", 0, 0.5, 0.05),
            plan(1, ADMIN, "2 - HumanResources", "Staffing Benefits", "HumanResourceSpecialist", 2.5, 0.1, 0),
            plan(1, ADMIN, "4 - Security", "SecurityOffice Guards", "SecurityOfficer SecurityGuard", 2, 0.9, 0.1),
            plan(1, ADMIN, "5 - Legal", "Counsel", "Attorney Paralegal", 1.5, 0.3, 0.1),
            plan(1, MANUFACTURING, "1 - Assembly", "LineA LineB Fabrication",
                    "ProductionLineWorker ProductionLineWorker Technician", 9, 0.2, 0.4),
            plan(1, MANUFACTURING, "2 - QualityAssurance", "Inspection Metrology",
                    "Technician QualityEngineer MaterialsEngineer", 4, 0.3, 0.4),
            plan(1, PURCHASING, "1 - Purchasing", "Procurement Suppliers", "PurchasingAgent", 3, 0.1, 0.2),
            plan(1, PURCHASING, "2 - Contracts", "Government Commercial", "ContractSpecialist", 3, 0.4, 0.4),
            plan(1, SALES, "1 - Sales", "Domestic International", "Salesman", 5, 0.1, 0.1),
            plan(1, SALES, "2 - Marketing", "Communications Events", "MarketingSpecialist", 3, 0.05, 0),
            plan(1, SALES, "3 - FieldService", "East West", "FieldServiceEngineer", 3, 0.3, 0.3),
            plan(1, RESEARCH, "1 - Research", "Materials Sensors Propulsion", "ScientificResearcher", 8, 0.7, 0.9),
            plan(1, RESEARCH, "2 - Engineering", "Electrical Mechanical Systems",
                    "ElectricalEngineer MechanicalEngineer SystemsEngineer", 12, 0.7, 0.9),
            plan(1, RESEARCH, "3 - Software", "Applications Embedded Tools", "SoftwareEngineer ComputerProgrammer",
                    8, 0.6, 0.9),
            plan(1, FINANCE, "1 - Accounting", "Ledger Audit", "Accountant", 3, 0.05, 0),
            plan(1, FINANCE, "2 - Payroll", "Payroll", "Accountant Clerk", 1.5, 0, 0),
            plan(2, RESEARCH, "2 - Engineering", "Electrical Mechanical", "ElectricalEngineer MechanicalEngineer",
                    5, 0.6, 0.9),
            plan(2, RESEARCH, "1 - Research", "Optics Materials", "ScientificResearcher", 3, 0.7, 0.9),
            plan(2, RESEARCH, "3 - Software", "Embedded", "SoftwareEngineer ComputerProgrammer", 3, 0.5, 0.9),
            plan(2, MANUFACTURING, "1 - Assembly", "LineA LineB", "ProductionLineWorker Technician", 5, 0.2, 0.4),
            plan(2, MANUFACTURING, "2 - QualityAssurance", "Inspection", "Technician QualityEngineer", 2, 0.3, 0.4),
            plan(3, RESEARCH, "2 - Engineering", "Systems Test", "SystemsEngineer ElectricalEngineer", 3, 0.6, 0.9),
            plan(3, RESEARCH, "1 - Research", "Sensors", "ScientificResearcher", 2, 0.7, 0.9),
            plan(3, MANUFACTURING, "1 - Assembly", "Prototype", "Technician ProductionLineWorker", 2, 0.3, 0.5));

    private final Dice dice;
    private final PersonFactory factory;
    private final List<Person> people = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private final List<String> sharedPcs = new ArrayList<>();
    private final List<String> staffPcs = new ArrayList<>();
    private Person president;

    private Organization(Dice dice) {
        this.dice = dice;
        this.factory = new PersonFactory(dice);
    }

    /** Builds the organization with {@code headCount} people on staff on the first day. */
    static Organization build(int headCount, Dice dice) {
        Organization org = new Organization(dice);
        org.createProjects(Math.max(6, headCount / 20));
        int[] perUnit = apportion(headCount, UNIT_SHARES, new int[] {3, 2, 2});
        for (int unit = 1; unit <= 3; unit++) {
            org.staffUnit(unit, perUnit[unit - 1]);
        }
        org.assignNightShiftAndSharedPcs();
        return org;
    }

    /** Everyone ever employed, in the order they were created. */
    List<Person> people() {
        return people;
    }

    List<Team> teams() {
        return teams;
    }

    List<Project> projects() {
        return projects;
    }

    /** The head of the organization (no supervisor). */
    Person president() {
        return president;
    }

    /** Workstations of the initial staff and the shared ones, which IT administrators log on to. */
    List<String> staffPcs() {
        return staffPcs;
    }

    PersonFactory factory() {
        return factory;
    }

    /** Hires a new person into {@code team} on {@code day}, at workstation {@code pc} (null for a new one). */
    Person hire(Team team, String role, int day, String pc) {
        Person person = factory.create(day, pc, false, outsideFacing(team));
        person.assign(new Assignment(day, role, team, team.lead()));
        team.members().add(person);
        people.add(person);
        DepartmentPlan plan = planOf(team);
        grantClearanceAndProjects(person, team, plan.clearanceRate(), plan.projectRate());
        return person;
    }

    private void createProjects(int count) {
        int serial = dice.between(100, 900);
        for (int number = 1; number <= count; number++) {
            int unit = number <= 3 ? number : 1 + weightedIndex(UNIT_SHARES);
            double roll = dice.unit();
            String level = roll < 0.45 ? "secret" : roll < 0.85 ? "confidential" : "top-secret";
            String codeName = Lexicon.PROJECT_CODE_WORDS[(number - 1) % Lexicon.PROJECT_CODE_WORDS.length];
            String[] words = new String[24];
            for (int i = 0; i < words.length; i++) {
                words[i] = i % 6 == 0 ? codeName : dice.pick(Lexicon.WORK);
            }
            Project project = new Project(number, unit, level, codeName, words);
            int items = dice.between(4, 8);
            for (int i = 0; i < items; i++) {
                String title = Lexicon.PROJECT_TITLES[(i * 5 + number) % Lexicon.PROJECT_TITLES.length].replace('_',
                        ' ');
                String extension = dice.chance(0.7) ? "pdf" : "docx";
                project.items().add(new RegistryItem(String.format("ORIG-%06d", serial++),
                        project.name() + " " + title + "." + extension));
            }
            projects.add(project);
        }
    }

    private void staffUnit(int unit, int headCount) {
        List<DepartmentPlan> plans = PLANS.stream().filter(p -> p.businessUnit() == unit).toList();
        double[] weights = plans.stream().mapToDouble(DepartmentPlan::weight).toArray();
        int[] minimum = new int[plans.size()];
        minimum[0] = 1;
        if (unit == 1) {
            // IT (the second HQ department, weight 0) is sized by rule: its manager plus 2 % of all staff as
            // ITAdmins, at least two.
            minimum[1] = 1 + Math.max(2, (int) Math.round(headCount * 0.02 / UNIT_SHARES[0]));
        }
        int[] sizes = apportion(headCount, weights, minimum);
        mergeLoneDepartments(sizes, minimum);
        Person unitHead = null;
        Person fuHead = null;
        String currentFu = null;
        for (int i = 0; i < plans.size(); i++) {
            DepartmentPlan plan = plans.get(i);
            if (sizes[i] == 0) {
                continue;
            }
            if (unitHead == null) {
                unitHead = staffDepartment(plan, sizes[i], unit == 1 ? null : president,
                        unit == 1 ? "President" : "Director");
                fuHead = unitHead;
                if (unit == 1) {
                    president = unitHead;
                }
            } else if (!plan.functionalUnit().equals(currentFu)) {
                fuHead = staffDepartment(plan, sizes[i], unitHead, "VicePresident");
            } else {
                staffDepartment(plan, sizes[i], fuHead, "Manager");
            }
            currentFu = plan.functionalUnit();
        }
    }

    /** Moves the one person of a one-person department (a manager with no staff) into the largest department. */
    private static void mergeLoneDepartments(int[] sizes, int[] minimum) {
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == 1 && minimum[i] == 0) {
                int largest = 0;
                for (int k = 1; k < sizes.length; k++) {
                    if (sizes[k] > sizes[largest]) {
                        largest = k;
                    }
                }
                sizes[i] = 0;
                sizes[largest]++;
            }
        }
    }

    /** Staffs one department and returns its head (the lead of its first team). */
    private Person staffDepartment(DepartmentPlan plan, int size, Person headSupervisor, String headRole) {
        String site = SITES[plan.businessUnit() - 1];
        int teamCount = Math.max(1, Math.min((size + 9) / 10, Math.max(plan.teams().length, size / 6)));
        List<Team> deptTeams = new ArrayList<>();
        for (int t = 0; t < teamCount; t++) {
            String teamName = (t + 1) + " - " + (t < plan.teams().length ? plan.teams()[t] : "Team" + (t + 1));
            Team team = new Team(plan.businessUnit(), site, plan.functionalUnit(), plan.department(), teamName,
                    plan.roles());
            deptTeams.add(team);
            teams.add(team);
        }
        Person deptHead = null;
        for (int n = 0; n < size; n++) {
            Team team = deptTeams.get(n % teamCount);
            Person person = factory.create(-dice.between(60, 4000), null, false, outsideFacing(team));
            people.add(person);
            staffPcs.add(person.pc());
            team.members().add(person);
            String role = dice.pick(plan.roles());
            boolean lead = n < teamCount;
            if (n == 0) {
                deptHead = person;
                person.makeLeader();
                team.setLead(person);
                person.assign(new Assignment(-1, headRole, team, headSupervisor));
            } else if (lead) {
                person.makeLeader();
                team.setLead(person);
                person.assign(new Assignment(-1, role, team, deptHead));
            } else {
                person.assign(new Assignment(-1, role, team, team.lead()));
            }
            grantClearanceAndProjects(person, team, plan.clearanceRate() + (lead ? 0.2 : 0), plan.projectRate());
        }
        return deptHead;
    }

    private void grantClearanceAndProjects(Person person, Team team, double clearanceRate, double projectRate) {
        if (dice.chance(clearanceRate)) {
            double roll = dice.unit();
            person.setClearance(roll < 0.5 ? "secret" : roll < 0.85 ? "confidential" : "top-secret");
        }
        if (dice.chance(projectRate)) {
            int count = dice.between(1, 3);
            for (int i = 0; i < count; i++) {
                factory.join(person, projectFor(team.businessUnit()));
            }
        }
    }

    /** A project, usually one run by the given business unit. */
    Project projectFor(int businessUnit) {
        if (dice.chance(0.85)) {
            List<Project> own = projects.stream().filter(p -> p.businessUnit() == businessUnit).toList();
            if (!own.isEmpty()) {
                return dice.pick(own);
            }
        }
        return dice.pick(projects);
    }

    private void assignNightShiftAndSharedPcs() {
        List<Person> floor = new ArrayList<>();
        for (Person person : people) {
            String department = person.teamOn(0).department();
            if (!person.leader() && (department.endsWith("Assembly") || department.endsWith("Security")
                    || department.endsWith("QualityAssurance"))) {
                floor.add(person);
            }
        }
        if (floor.isEmpty()) {
            people.stream().filter(p -> !p.leader()).findFirst().ifPresent(floor::add);
        }
        int nightWorkers = Math.max(1, people.size() / 400);
        for (int i = 0; i < nightWorkers && !floor.isEmpty(); i++) {
            Person worker = floor.remove(dice.below(floor.size()));
            worker.redrawHabits(Habits.draw(dice, true));
        }
        int shared = Math.max(1, people.size() / 60);
        for (int i = 0; i < shared; i++) {
            sharedPcs.add(factory.newPc());
        }
        staffPcs.addAll(sharedPcs);
        for (Person person : floor) {
            if (dice.chance(0.3)) {
                person.setSharedPc(dice.pick(sharedPcs));
            }
        }
        for (Person person : people) {
            if (person.sharedPc() == null && !person.leader() && dice.chance(0.02)) {
                person.setSharedPc(dice.pick(sharedPcs));
            }
        }
    }

    private DepartmentPlan planOf(Team team) {
        for (DepartmentPlan plan : PLANS) {
            if (plan.businessUnit() == team.businessUnit() && plan.department().equals(team.department())) {
                return plan;
            }
        }
        throw new IllegalStateException("no department plan for " + team.department());
    }

    private static boolean outsideFacing(Team team) {
        return team.functionalUnit().equals(SALES) || team.functionalUnit().equals(PURCHASING);
    }

    private int weightedIndex(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double roll = dice.unit() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Splits {@code total} in proportion to {@code weights} (largest remainder), honouring per-share minimums. */
    static int[] apportion(int total, double[] weights, int[] minimum) {
        int[] sizes = minimum.clone();
        int left = total;
        for (int size : sizes) {
            left -= size;
        }
        if (left < 0) {
            throw new IllegalArgumentException("head count " + total + " is below the minimum the chart needs");
        }
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = left * weights[i] / sum;
            int whole = (int) Math.floor(exact);
            sizes[i] += whole;
            given += whole;
            remainders[i] = exact - whole;
        }
        for (int k = given; k < left; k++) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            sizes[best]++;
            remainders[best] = -1;
        }
        return sizes;
    }

    private static DepartmentPlan plan(int unit, String functionalUnit, String department, String teams,
                                       String roles, double weight, double clearanceRate, double projectRate) {
        return new DepartmentPlan(unit, functionalUnit, department, Names.words(teams), Names.words(roles), weight,
                clearanceRate, projectRate);
    }
}
