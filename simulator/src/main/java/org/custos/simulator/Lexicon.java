package org.custos.simulator;

/**
 * Lexicon holds the words and names the simulated content is made of: work and personal vocabulary for e-mails
 * and documents, mail domains, project document titles, and the words of the alarming mass e-mail.
 *
 * <p>Every word is lower-case letters only, so content fields never need CSV quoting.
 */
final class Lexicon {

    static final String[] WORK = Names.words("""
            agenda action item review schedule milestone deliverable budget forecast estimate invoice purchase
            order contract vendor supplier proposal requirement specification design drawing revision baseline test
            plan report status update meeting minutes conference call deadline priority risk issue mitigation
            approval signature customer program project prototype integration qualification inspection audit
            compliance quality assurance procedure process training certification safety hazard incident analysis
            model simulation data results measurement calibration tolerance component assembly subsystem module
            interface protocol firmware software hardware release build deployment server network configuration
            backup license upgrade patch maintenance support ticket request resource staffing headcount overtime
            travel expense reimbursement policy handbook benefits payroll timesheet vacation holiday quarter fiscal
            annual revenue cost margin pricing quote bid award subcontract logistics shipment delivery warehouse
            inventory material stock production line shift yield defect rework scrap engineering change notice
            manufacturing tooling fixture sensor antenna radar signal power supply thermal vibration stress load
            structure composite alloy coating weld fastener harness cable connector circuit board layout schematic
            reliability failure root cause corrective preventive lessons learned kickoff workshop demo presentation
            slides draft final comments feedback followup reminder thanks regards please attached enclosed
            """);

    static final String[] CHAT = Names.words("""
            hey hi hello thanks weekend dinner lunch tonight tomorrow party birthday kids school game soccer football
            baseball movie tickets concert vacation beach trip flight hotel family mom dad brother sister wedding baby
            photos pictures recipe restaurant coffee drinks friday saturday sunday plans fun great awesome sorry late
            call text later miss love hope soon doctor appointment dentist car repair house garden dog cat puppy
            shopping sale gift christmas thanksgiving halloween easter summer winter snow rain weather funny joke
            news crazy busy tired sick feeling better congrats happy news check out link video song band show
            """);

    static final String[] ALARM = Names.words("""
            urgent attention all staff layoffs announced immediately fraud investigation management lied
            misconduct executives cover up resign effective today shut down division terminated lawsuit
            scandal warning confidential leaked truth everyone must know criminal charges auditors
            """);

    static final String[] JOB_WORDS = Names.words("""
            job jobs career careers position opening apply application resume cv interview salary benefits hiring
            recruiter engineer senior clearance required relocation full time opportunity employer offer
            """);

    static final String[] LEAK_WORDS = Names.words("""
            wikileaks leak leaked cables documents classified whistleblower disclosure secret diplomatic archive
            submission anonymous source government release investigation journalist
            """);

    static final String[] KEYLOGGER_WORDS = Names.words("""
            keylogger keystroke logger stealth invisible capture record password monitor spy remote install free
            download undetectable hidden keyboard activity log screenshot
            """);

    static final String[] PROJECT_TITLES = Names.words("""
            design_review test_plan requirements_specification interface_control_document budget schedule
            threat_assessment prototype_drawings field_trial_report supplier_list system_architecture
            integration_report security_plan performance_analysis source_code_listing acceptance_test_results
            """);

    static final String[] PROJECT_CODE_WORDS = Names.words("""
            falcon osprey kestrel harrier trident aegis sentinel orion vega lyra polaris nimbus cirrus zephyr
            tempest granite cobalt obsidian onyx quartz basalt argon xenon helios apollo artemis hermes
            """);

    static final String[] PERSONAL_DOMAINS = Names.words("""
            gmail.com yahoo.com hotmail.com aol.com msn.com comcast.net verizon.net juno.com cox.net earthlink.net
            charter.net sbcglobal.net netzero.com optonline.net bellsouth.net
            """);

    static final String[] PARTNER_DOMAINS = Names.words("""
            acmeaero.com brightlineparts.com castlerock-supply.com deltaforge.com eastgate-logistics.com
            fairmont-electronics.com granitepeak-labs.com harborview-consulting.com ironwoodtech.com
            junction-materials.com keystone-testing.com lakeside-machining.com meridian-optics.com
            northfield-metals.com oakridge-composites.com pinecrest-software.com quarrybay-systems.com
            redwood-instruments.com silvercreek-power.com tidewater-freight.com
            """);

    static final String[] COMPETITOR_DOMAINS = Names.words("""
            lockhaven-aero.com raycom-defense.com northgate-systems.com harrowgate-dynamics.com
            vantage-aerospace.com ironbridge-defense.com
            """);

    static final String[] DECOY_FOLDERS = Names.words("""
            ProjectX Finance HR Contracts Merger Payroll Passwords Board Legal Bids Strategy Acquisitions
            """);

    static final String[] DECOY_NAMES = Names.words("""
            budget salaries passwords merger_plan org_chart bonus_list layoff_list pricing bid_proposal
            board_minutes customer_list account_numbers acquisition_targets strategy offsite_notes credentials
            """);

    static final String[] DECOY_EXTENSIONS = Names.words("xlsx docx pdf doc txt pptx");

    private Lexicon() {
    }

    /** Appends {@code count} words from {@code pool}, each preceded by a space. */
    static void appendWords(StringBuilder sb, Dice dice, String[] pool, int count) {
        for (int i = 0; i < count; i++) {
            sb.append(' ').append(pool[dice.below(pool.length)]);
        }
    }

    /** {@code count} words from {@code pool} separated by spaces. */
    static String words(Dice dice, String[] pool, int count) {
        StringBuilder sb = new StringBuilder(count * 8);
        appendWords(sb, dice, pool, count);
        return sb.length() == 0 ? "" : sb.substring(1);
    }

    /** The hex magic number CERT puts at the start of a file's content, or an empty string (plain text). */
    static String magic(String extension) {
        return switch (extension) {
            case "doc", "xls", "ppt" -> "D0-CF-11-E0-A1-B1-1A-E1";
            case "docx", "xlsx", "pptx" -> "50-4B-03-04-14-00-06-00";
            case "zip" -> "50-4B-03-04";
            case "pdf" -> "25-50-44-46-2D";
            case "jpg" -> "FF-D8-FF-E0";
            case "exe" -> "4D-5A-90-00";
            default -> "";
        };
    }
}
