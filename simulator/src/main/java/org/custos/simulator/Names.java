package org.custos.simulator;

/**
 * Names are the given names and surnames people are drawn from; an employee name is first, middle and last
 * name, as in the CERT LDAP files.
 */
final class Names {

    static final String[] GIVEN = words("""
            Aaron Abigail Adam Adrian Aiko Alan Albert Alexa Alexander Alfred Alice Alma Amanda Amber Amy Andrea
            Andrew Angela Anita Ann Anthony Arthur Ashley Audrey Barbara Barry Beatrice Ben Benjamin Bernard Beth
            Beverly Blake Bonnie Brad Brandon Brenda Brett Brian Bruce Bryan Caleb Calvin Cameron Carl Carla Carlos
            Carmen Carol Caroline Catherine Cecilia Chad Charles Charlotte Chester Chloe Christian Christina Christopher
            Cindy Claire Clara Clayton Clifford Colin Connor Courtney Craig Cynthia Dale Dana Daniel Darius Darren David
            Dean Deborah Dennis Derek Diana Dominic Donald Donna Dora Dorothy Douglas Dustin Dylan Edan Edgar Edith
            Edward Eileen Elaine Eleanor Elijah Elizabeth Ella Ellen Emery Emily Emma Eric Erin Ernest Ethan Eugene
            Evan Evelyn Felix Fiona Floyd Frances Francis Frank Gabriel Gail Gary Gavin Gemma George Gerald Gina
            Gloria Gordon Grace Graham Gregory Hamish Hannah Harold Harriet Harvey Hayden Heather Helen Henry Holly
            Howard Hugh Ian Ignacio Imogen Ingrid Irene Isaac Ivan Jack Jacob Jacqueline James Jamal Jane Janet Jared
            Jasmine Jason Jean Jeffrey Jennifer Jeremy Jerome Jessica Jill Joan Joel John Jonah Jordan Joseph Joy
            Judith Julia Julian Justin Karen Kasimir Katherine Kathleen Keith Kelly Kenneth Kevin Kiara Kirk Kyle
            Laura Lauren Lawrence Leah Lee Leila Leo Leonard Lila Linda Lionel Lisa Logan Lois Lorenzo Louis Lucas
            Lucy Luke Lydia Lynn Malcolm Marcus Margaret Maria Marian Mark Martha Martin Mary Mason Matthew Maya Megan
            Melanie Melissa Michael Michelle Miles Miriam Molly Monica Morgan Nadia Nancy Nathan Neil Nicholas Nina
            Noah Nolan Norma Olga Oliver Olivia Omar Oscar Owen Pamela Patricia Patrick Paul Paula Pearl Peter Philip
            Phoebe Quentin Quinn Rachel Ralph Randall Raymond Rebecca Regina Renee Richard Rita Robert Robin Roger
            Ronald Rosa Ross Ruby Russell Ruth Ryan Sabrina Samantha Samuel Sandra Sarah Scott Sean Sebastian Shane
            Sharon Sheila Simon Sophia Stanley Stephanie Stephen Steven Stuart Susan Sydney Tamara Teresa Terrence
            Thomas Timothy Tina Todd Tracy Trevor Tyler Ulysses Ursula Valerie Vanessa Victor Victoria Vincent Violet
            Virginia Wade Walter Wanda Warren Wayne Wendy Wesley William Willow Wyatt Xavier Yasmin Yolanda Yvonne
            Zachary Zane Zelda Zoe
            """);

    static final String[] FAMILY = words("""
            Abbott Acosta Adams Aguilar Albright Alexander Allen Alvarez Anderson Andrews Armstrong Arnold Atkins
            Austin Avery Bailey Baker Baldwin Ball Banks Barber Barker Barnes Barrett Bass Bates Beck Bell Bennett Berry
            Bishop Black Blackwell Blair Blake Bowen Boyd Bradley Brady Brewer Briggs Brooks Brown Bryant Buchanan
            Burke Burns Butler Byrd Caldwell Calhoun Cameron Campbell Cannon Carlson Carpenter Carr Carroll Carter Case
            Castillo Chambers Chandler Chapman Chase Christensen Clark Clarke Cline Cobb Cochran Cole Coleman Collins
            Conley Conway Cook Cooper Cortez Cox Craig Crawford Cross Cummings Curtis Dalton Daniels Davidson Davis Dawson
            Day Dean Delaney Dennis Diaz Dixon Dodson Donovan Douglas Doyle Drake Duffy Duncan Dunn Durham Eaton Edwards
            Elliott Ellis Emerson English Erickson Estes Evans Farmer Ferguson Fields Finch Fischer Fitzgerald Fleming
            Fletcher Flores Flynn Ford Foster Fowler Fox Francis Franklin Frost Fuller Gallagher Garcia Gardner Garrett
            Gibson Gilbert Gill Glover Goodman Gordon Graham Grant Graves Gray Green Greene Griffin Gross Hale Hall
            Hamilton Hammond Hancock Hansen Hardy Harmon Harper Harris Hart Harvey Hawkins Hayes Henderson Henry Herman
            Hicks Hill Hines Hodges Hoffman Holland Holmes Hopkins Horton Houston Howard Howell Hudson Hughes Hunt
            Hunter Ingram Jackson Jacobs James Jefferson Jenkins Jennings Johnson Jones Jordan Kane Keller Kelley Kemp
            Kennedy Kim King Kirby Klein Knight Knox Lambert Lane Lang Larson Lawrence Lawson Lee Leonard Lewis Lindsey
            Little Logan Long Love Lowe Lucas Lynch Lyons Mack Maldonado Malone Mann Manning Marsh Marshall Martin
            Mathis Maxwell May McBride McCarthy McDaniel McGee McKenzie Meadows Medina Meyer Miles Miller Mills Mitchell
            Monroe Moody Moore Morales Moran Morgan Morris Morrow Morton Moss Mullins Murphy Murray Myers Nash Neal
            Nelson Newman Nguyen Nichols Nixon Noble Norman Norris Norton Oliver Olsen Ortiz Osborne Owens Pace Padilla
            Page Palmer Park Parker Parsons Patel Patterson Patton Payne Pearson Perkins Perry Peters Peterson Phelps
            Phillips Pierce Pittman Porter Potter Powell Pratt Preston Price Quinn Ramsey Randall Ray Reed Reese Reid
            Reyes Reynolds Rhodes Rice Richards Richardson Riley Rivera Roberts Robertson Robinson Rodgers Rogers Rose
            Ross Rowe Russell Ryan Salazar Sanders Santos Savage Sawyer Schmidt Schneider Scott Sexton Shaw Shelton
            Shepherd Sherman Simmons Simpson Sims Singleton Skinner Slater Sloan Small Smith Snyder Spencer Stanley
            Steele Stephens Stevens Stewart Stone Strickland Sullivan Summers Sutton Swanson Tanner Tate Taylor Terry
            Thomas Thompson Thornton Todd Townsend Tucker Turner Tyler Underwood Valdez Vance Vaughn Vega Wade Wagner
            Walker Wall Wallace Walsh Walters Ward Warner Warren Washington Waters Watkins Watson Weaver Webb Weber
            Welch Wells West Wheeler Whitaker White Wilcox Wiley Wilkins Williams Willis Wilson Winters Wolfe Wood
            Woods Wright Wyatt Yates York Young Zamora
            """);

    private Names() {
    }

    static String[] words(String text) {
        return text.trim().split("\\s+");
    }
}
