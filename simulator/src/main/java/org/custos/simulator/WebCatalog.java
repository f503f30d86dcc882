package org.custos.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The WebCatalog is the simulated web: ordinary sites grouped by topic (each page's content is drawn from its
 * topic's words), and the special sites the scenarios and the innocent noise around them use: job boards,
 * Dropbox, WikiLeaks, leak news, keylogger vendors and competitors' career pages.
 */
final class WebCatalog {

    /** A web site: its host name, the words its pages are made of, and the sections its URLs start with. */
    record Site(String host, String[] words, String[] sections) {
    }

    private static final String[][] TOPICS = {
            {"www.cnn.com www.nytimes.com www.washingtonpost.com news.bbc.co.uk www.reuters.com www.usatoday.com "
                    + "www.foxnews.com www.latimes.com online.wsj.com www.npr.org",
                    "world us politics business local opinion",
                    "president senate congress election vote economy jobs report war troops police court judge "
                            + "city state governor budget tax health reform storm fire crash killed official "
                            + "spokesman said statement announced week today according sources"},
            {"espn.go.com www.nfl.com www.nba.com mlb.mlb.com sportsillustrated.cnn.com sports.yahoo.com "
                    + "www.nhl.com www.golf.com",
                    "nfl nba mlb nhl college scores",
                    "game season team coach player score win loss playoff league quarterback pitcher goal points "
                            + "injury trade draft fans stadium championship overtime record rookie"},
            {"www.amazon.com www.ebay.com www.walmart.com www.target.com www.bestbuy.com www.craigslist.org "
                    + "www.overstock.com www.newegg.com www.sears.com",
                    "shop deals electronics home books toys",
                    "price sale shipping free cart order buy deal discount item review rating stock color size "
                            + "brand new used warranty laptop camera phone tv shoes kitchen"},
            {"www.cnet.com slashdot.org arstechnica.com www.engadget.com www.wired.com techcrunch.com "
                    + "www.microsoft.com www.apple.com www.zdnet.com",
                    "news reviews downloads windows mac gadgets",
                    "software hardware windows linux apple iphone android google update release version security "
                            + "patch browser chip processor memory storage review benchmark startup"},
            {"finance.yahoo.com www.bloomberg.com www.marketwatch.com www.fool.com www.cnbc.com us.etrade.com "
                    + "www.schwab.com money.cnn.com",
                    "markets quotes investing funds retirement",
                    "stock market shares index dow nasdaq earnings dividend fund bond yield rate fed inflation "
                            + "portfolio investor trading price analyst forecast quarter profit"},
            {"www.expedia.com www.orbitz.com www.tripadvisor.com www.southwest.com www.travelocity.com "
                    + "www.hotels.com www.kayak.com",
                    "flights hotels cars deals destinations",
                    "flight hotel fare airline airport booking reservation trip vacation beach resort city "
                            + "rental car deal night stay review travel departure arrival"},
            {"www.weather.com www.wunderground.com www.accuweather.com",
                    "forecast radar maps local",
                    "weather forecast temperature rain snow wind storm sunny cloudy humidity radar weekend "
                            + "high low degrees warning advisory"},
            {"allrecipes.com www.foodnetwork.com www.epicurious.com www.webmd.com www.mayoclinic.com "
                    + "www.everydayhealth.com",
                    "recipes health living food",
                    "recipe chicken dinner easy cook bake minutes cup sauce salad dessert healthy diet exercise "
                            + "symptoms doctor sleep vitamin heart blood pressure weight"},
            {"www.imdb.com www.youtube.com www.hulu.com www.netflix.com www.pandora.com www.eonline.com "
                    + "www.rottentomatoes.com",
                    "movies tv music video celebrity",
                    "movie film actor actress trailer episode season show music album song video star "
                            + "celebrity review box office premiere watch stream"},
            {"www.cars.com www.edmunds.com www.kbb.com www.autotrader.com",
                    "new used reviews prices",
                    "car truck suv sedan price dealer mileage engine review used new lease loan model year "
                            + "safety rating fuel economy"},
            {"en.wikipedia.org www.about.com www.answers.com www.dictionary.com www.google.com www.bing.com "
                    + "www.yahoo.com www.ask.com",
                    "wiki search answers reference",
                    "history definition meaning article encyclopedia search results answer question list "
                            + "population language science biography map"},
            {"www.facebook.com twitter.com www.myspace.com www.linkedin.com www.flickr.com",
                    "home profile photos friends status",
                    "friends profile photo status update message comment like share network group event post "
                            + "follow connection"},
            {"www.ieee.org www.digikey.com www.mouser.com www.mathworks.com www.nasa.gov www.sciencedirect.com "
                    + "stackoverflow.com sourceforge.net www.nist.gov www.ni.com",
                    "standards products support publications questions",
                    "datasheet component resistor capacitor amplifier signal processing algorithm matlab "
                            + "simulation standard paper journal research spacecraft orbit measurement code "
                            + "compiler library java python error exception"},
    };

    static final List<Site> ORDINARY = ordinarySites();

    static final Site[] JOB_BOARDS = {
            new Site("www.monster.com", Lexicon.JOB_WORDS, Names.words("jobs search resume")),
            new Site("www.careerbuilder.com", Lexicon.JOB_WORDS, Names.words("jobs jobseeker apply")),
            new Site("www.indeed.com", Lexicon.JOB_WORDS, Names.words("jobs q viewjob")),
            new Site("www.linkedin.com", Lexicon.JOB_WORDS, Names.words("jobs jobs2 careers")),
            new Site("www.simplyhired.com", Lexicon.JOB_WORDS, Names.words("jobs a")),
            new Site("www.clearancejobs.com", Lexicon.JOB_WORDS, Names.words("jobs cleared")),
            new Site("hotjobs.yahoo.com", Lexicon.JOB_WORDS, Names.words("jobs career")),
    };

    static final Site DROPBOX = new Site("www.dropbox.com",
            Names.words("dropbox files folder share sync upload download account storage link shared home"),
            Names.words("home s upload"));

    static final Site WIKILEAKS = new Site("wikileaks.org", Lexicon.LEAK_WORDS,
            Names.words("wiki submit cablegate leaks"));

    static final Site[] LEAK_NEWS = {
            new Site("www.nytimes.com", Lexicon.LEAK_WORDS, Names.words("world politics")),
            new Site("www.guardian.co.uk", Lexicon.LEAK_WORDS, Names.words("world media")),
            new Site("www.cnn.com", Lexicon.LEAK_WORDS, Names.words("politics world")),
    };

    static final Site[] KEYLOGGER_VENDORS = {
            new Site("www.stealthkeylogger.net", Lexicon.KEYLOGGER_WORDS, Names.words("download products")),
            new Site("www.keylogger-pro.com", Lexicon.KEYLOGGER_WORDS, Names.words("download free")),
            new Site("www.spyrecorder-soft.com", Lexicon.KEYLOGGER_WORDS, Names.words("downloads keylogger")),
    };

    private WebCatalog() {
    }

    /** A competitor's careers site. */
    static Site careers(String competitorDomain) {
        return new Site("www." + competitorDomain, Lexicon.JOB_WORDS, Names.words("careers jobs openings"));
    }

    private static List<Site> ordinarySites() {
        List<Site> sites = new ArrayList<>();
        for (String[] topic : TOPICS) {
            String[] sections = Names.words(topic[1]);
            String[] words = Names.words(topic[2]);
            for (String host : Names.words(topic[0])) {
                sites.add(new Site(host, words, sections));
            }
        }
        return List.copyOf(sites);
    }
}
