package fr.tissu.loader.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Vocabulary;

/** The kinds of association the generator knows, with their names, objects and activities. */
final class Templates {
    /** An activity template: title, ages, price range (0 = free), audience code. */
    record Act(String title, int minAge, int maxAge, int maxPrice, String audience) {
    }

    /** A kind of association. */
    record Kind(String theme, String group, String[] names, String object, String place, Act[] acts,
                boolean supportPoint) {
    }

    /** A generated association. */
    record Assoc(String rna, Kind kind, String name, ReferenceData.Commune commune, boolean active,
                 String[] rnaRow) {
        boolean supportPoint() {
            return kind.supportPoint() && active;
        }
    }

    private static final String[] NAMES = {"Les Lilas", "Saint-Martin", "du Moulin", "Bellevue", "Les Tilleuls",
        "Jean Moulin", "Colette", "Pierre de Coubertin", "Jules Verne", "La Poterie", "Les Champs Manceaux",
        "Anne de Bretagne", "Simone Veil", "Le Landry", "Les Chênes"};
    private static final String[] SECTORS = {"Nord", "Sud", "Est", "Ouest", "Centre", "Bourg", "Les Landes",
        "Le Village", "Vallée", "Plateau"};
    private static final String[] STREETS = {"de la République", "Jean Jaurès", "Victor Hugo", "des Lilas",
        "du Moulin", "de la Gare", "Pasteur", "de Brest", "Saint-Hélier", "des Écoles", "du Général de Gaulle",
        "de la Mairie", "des Peupliers", "Louis Pasteur", "de Nantes", "Anatole France"};
    private static final String[] STREET_TYPES = {"RUE", "RUE", "RUE", "AV", "BD", "PL", "ALL", "IMP"};
    private static final String[] STREET_WORDS = {"rue", "rue", "rue", "avenue", "boulevard", "place", "allée",
        "impasse"};

    static final Kind[] KINDS = {
        new Kind("judo", "011", new String[] {"Judo Club de %s", "%s Judo", "Dojo de %s"},
                "Pratique et enseignement du judo, du jujitsu et du taïso ; participation aux compétitions fédérales.",
                "Dojo %s", new Act[] {new Act("Éveil judo", 4, 5, 120, "enfants"),
                    new Act("Judo enfants", 6, 11, 170, "enfants"), new Act("Judo ados", 12, 17, 190, "adolescents"),
                    new Act("Judo adultes", 18, 99, 210, "adultes"), new Act("Taïso", 16, 99, 150, "adultes")}, false),
        new Kind("football", "011", new String[] {"Football Club de %s", "Union sportive de %s", "%s FC"},
                "Pratique du football en compétition et en loisir, école de football.",
                "Stade %s", new Act[] {new Act("École de foot U7-U9", 5, 9, 130, "enfants"),
                    new Act("Football U11-U13", 10, 13, 150, "enfants"),
                    new Act("Football seniors", 18, 40, 170, "adultes"),
                    new Act("Foot loisir vétérans", 35, 99, 90, "adultes")}, false),
        new Kind("tennis", "011", new String[] {"Tennis Club de %s"},
                "Pratique et enseignement du tennis pour tous les âges.",
                "Courts de tennis %s", new Act[] {new Act("École de tennis", 6, 17, 220, "enfants"),
                    new Act("Tennis adultes", 18, 99, 260, "adultes")}, false),
        new Kind("natation", "011", new String[] {"Cercle des nageurs de %s", "%s Natation"},
                "Apprentissage et pratique de la natation sportive et de loisir.",
                "Piscine %s", new Act[] {new Act("Apprentissage de la natation", 6, 10, 180, "enfants"),
                    new Act("Natation sportive", 10, 17, 230, "adolescents"),
                    new Act("Aquagym", 18, 99, 160, "adultes")},
                false),
        new Kind("basket-ball", "011", new String[] {"%s Basket Club", "Avenir basket de %s"},
                "Pratique du basket-ball en compétition et en loisir.",
                "Gymnase %s", new Act[] {new Act("Mini-basket", 6, 11, 120, "enfants"),
                    new Act("Basket jeunes", 12, 17, 150, "adolescents"),
                    new Act("Basket loisir", 18, 99, 110, "adultes")},
                false),
        new Kind("gymnastique", "011", new String[] {"Gymnastique volontaire de %s", "Espérance gym de %s"},
                "Gymnastique d'entretien et de loisir, sport santé.",
                "Salle polyvalente %s", new Act[] {new Act("Baby gym", 2, 5, 110, "enfants"),
                    new Act("Gymnastique artistique", 6, 14, 160, "enfants"),
                    new Act("Gym douce", 60, 99, 90, "seniors")},
                false),
        new Kind("yoga", "011", new String[] {"Yoga pour tous à %s", "Le Souffle de %s"},
                "Pratique du yoga et de la relaxation.",
                "Maison de quartier %s", new Act[] {new Act("Yoga hatha", 18, 99, 240, "adultes"),
                    new Act("Yoga parent-enfant", 4, 10, 120, "familles")}, false),
        new Kind("randonnee", "011", new String[] {"Les Randonneurs de %s", "Rando Loisirs %s"},
                "Organisation de randonnées pédestres et découverte des chemins du territoire.",
                "Parking de la salle des fêtes %s",
                new Act[] {new Act("Randonnée du dimanche", 12, 99, 30, "tout-public"),
                    new Act("Marche nordique", 18, 99, 45, "adultes")}, false),
        new Kind("danse", "006", new String[] {"École de danse de %s", "Cercle celtique de %s"},
                "Enseignement de la danse classique, contemporaine et des danses bretonnes.",
                "Salle de danse %s", new Act[] {new Act("Danse classique enfants", 6, 11, 210, "enfants"),
                    new Act("Modern jazz ados", 12, 17, 230, "adolescents"),
                    new Act("Danses bretonnes", 10, 99, 60, "tout-public")}, false),
        new Kind("musique", "006", new String[] {"École de musique de %s", "Harmonie de %s"},
                "Enseignement musical et pratique collective de la musique.",
                "École de musique %s", new Act[] {new Act("Éveil musical", 4, 6, 150, "enfants"),
                    new Act("Cours de guitare", 8, 99, 320, "tout-public"),
                    new Act("Orchestre junior", 10, 17, 120, "adolescents")}, false),
        new Kind("chant-choral", "006", new String[] {"Chorale %2$s de %1$s", "Ensemble vocal de %s"},
                "Pratique du chant choral, concerts et rencontres avec d'autres chœurs.",
                "Salle paroissiale %s", new Act[] {new Act("Répétition de la chorale", 16, 99, 80, "adultes")}, false),
        new Kind("theatre", "006", new String[] {"Compagnie théâtrale %2$s", "Les Tréteaux de %s"},
                "Création et diffusion de spectacles, ateliers de pratique théâtrale.",
                "Salle des fêtes %s", new Act[] {new Act("Atelier théâtre enfants", 8, 12, 180, "enfants"),
                    new Act("Théâtre ados", 13, 17, 190, "adolescents"),
                    new Act("Théâtre adultes", 18, 99, 220, "adultes")},
                false),
        new Kind("arts-plastiques", "006", new String[] {"Atelier d'arts plastiques de %s", "Couleurs de %s"},
                "Pratique du dessin, de la peinture et de la sculpture.",
                "Maison des associations %s", new Act[] {new Act("Dessin et peinture enfants", 7, 14, 160, "enfants"),
                    new Act("Aquarelle adultes", 18, 99, 200, "adultes")}, false),
        new Kind("photographie", "006", new String[] {"Photo Club de %s"},
                "Pratique de la photographie, expositions et sorties photo.",
                "Maison des associations %s", new Act[] {new Act("Atelier photo", 14, 99, 60, "tout-public")}, false),
        new Kind("patrimoine", "010", new String[] {"Les Amis du patrimoine de %s", "Mémoire de %s"},
                "Connaissance, sauvegarde et mise en valeur du patrimoine et de l'histoire locale.",
                "Mairie annexe %s", new Act[] {new Act("Visite commentée du bourg", 0, 99, 0, "tout-public")}, false),
        new Kind("soutien-scolaire", "015", new String[] {"Coup de pouce scolaire %s", "Réussir à %s"},
                "Accompagnement scolaire des enfants et des jeunes.",
                "Centre social %s", new Act[] {new Act("Aide aux devoirs", 6, 15, 0, "enfants")}, false),
        new Kind("langues", "015", new String[] {"Comité de jumelage de %s", "Langues et cultures de %s"},
                "Échanges avec les villes jumelles et apprentissage des langues.",
                "Maison des associations %s", new Act[] {new Act("Cours d'anglais", 10, 99, 150, "tout-public"),
                    new Act("Cours d'allemand", 10, 99, 150, "tout-public")}, false),
        new Kind("alphabetisation", "015", new String[] {"Lire et écrire à %s", "Les Mots de %s"},
                "Ateliers de français pour adultes, alphabétisation et français langue étrangère.",
                "Centre social %s", new Act[] {new Act("Atelier de français langue étrangère", 16, 99, 0, "adultes")},
                false),
        new Kind("aide-alimentaire", "020", new String[] {"Épicerie solidaire de %s", "Entraide %s"},
                "Aide alimentaire et accompagnement des personnes en difficulté.",
                "Local associatif %s", new Act[] {new Act("Distribution alimentaire", 0, 99, 0, "tout-public")}, false),
        new Kind("acces-aux-droits", "019", new String[] {"Point accueil droits %s", "Accès aux droits %s"},
                "Information et accompagnement des habitants dans l'accès à leurs droits.",
                "Centre social %s", new Act[] {new Act("Permanence accès aux droits", 18, 99, 0, "adultes")}, true),
        new Kind("aide-numerique", "019", new String[] {"Clic et Déclic %s", "Espace numérique solidaire de %s",
            "Les Connectés de %s"},
                "Accompagnement des habitants dans leurs usages numériques du quotidien et leurs démarches en ligne.",
                "Médiathèque %s",
                new Act[] {new Act("Permanence d'aide aux démarches en ligne", 16, 99, 0, "eloignes-numerique"),
                    new Act("Atelier smartphone", 60, 99, 0, "seniors"),
                    new Act("Initiation à l'ordinateur", 18, 99, 20, "adultes")}, true),
        new Kind("informatique", "015", new String[] {"Club informatique de %s"},
                "Initiation et perfectionnement à l'informatique pour tous.",
                "Espace multimédia %s", new Act[] {new Act("Initiation informatique", 50, 99, 40, "seniors")}, true),
        new Kind("programmation", "016", new String[] {"Fab lab de %s", "Les Bidouilleurs de %s"},
                "Atelier de fabrication numérique ouvert : code, électronique, impression 3D.",
                "Tiers-lieu %s", new Act[] {new Act("Atelier code et robotique", 8, 14, 90, "enfants"),
                    new Act("Impression 3D", 14, 99, 50, "tout-public")}, false),
        new Kind("jardinage", "024", new String[] {"Jardins partagés de %s", "Les Jardiniers de %s"},
                "Gestion de jardins partagés et promotion du jardinage écologique.",
                "Jardin partagé %s", new Act[] {new Act("Atelier jardinage", 0, 99, 10, "tout-public")}, false),
        new Kind("recyclage", "024", new String[] {"Repair café de %s"},
                "Réparation collective d'objets du quotidien et lutte contre le gaspillage.",
                "Salle polyvalente %s", new Act[] {new Act("Repair café", 0, 99, 0, "tout-public")}, false),
        new Kind("nature", "024", new String[] {"Nature et biodiversité à %s"},
                "Connaissance et protection de la nature, sorties de découverte.",
                "Maison de la nature %s", new Act[] {new Act("Sortie nature", 6, 99, 5, "familles")}, false),
        new Kind("echecs", "007", new String[] {"Échiquier de %s"},
                "Pratique et enseignement du jeu d'échecs.",
                "Maison de quartier %s", new Act[] {new Act("Échecs enfants", 7, 14, 60, "enfants"),
                    new Act("Échecs adultes", 15, 99, 70, "adultes")}, false),
        new Kind("jeux", "007", new String[] {"Ludothèque de %s", "Dés et jeux de %s"},
                "Promotion du jeu sous toutes ses formes, prêt de jeux et soirées jeux.",
                "Ludothèque %s", new Act[] {new Act("Soirée jeux de société", 8, 99, 0, "familles")}, false),
        new Kind("club-des-aines", "021", new String[] {"Club des aînés de %s", "Générations mouvement %s"},
                "Rencontres, loisirs et entraide entre retraités.",
                "Salle des aînés %s", new Act[] {new Act("Après-midi jeux et goûter", 60, 99, 20, "seniors")}, false),
        new Kind("accueil-de-loisirs", "009", new String[] {"Amicale laïque de %s"},
                "Éducation populaire, accueil de loisirs et activités culturelles et sportives.",
                "Accueil de loisirs %s", new Act[] {new Act("Accueil de loisirs du mercredi", 3, 11, 150, "enfants")},
                false),
        new Kind("vie-de-quartier", "003", new String[] {"Comité des fêtes de %s", "Association des habitants %2$s"},
                "Animation de la vie locale, fêtes et rencontres entre habitants.",
                "Salle des fêtes %s", new Act[] {new Act("Café des habitants", 0, 99, 0, "tout-public")}, false),
        new Kind("cuisine", "007", new String[] {"Cuisine et partage %s"},
                "Ateliers de cuisine, repas partagés et échanges de recettes.",
                "Centre social %s", new Act[] {new Act("Atelier cuisine", 10, 99, 40, "tout-public")}, false),
        new Kind("prevention", "017", new String[] {"Prévention santé %s"},
                "Actions de prévention et d'éducation à la santé.",
                "Maison de santé %s",
                new Act[] {new Act("Atelier équilibre et prévention des chutes", 60, 99, 0, "seniors")},
                false),
        new Kind("handicap", "018", new String[] {"Sport adapté %s", "Handi'Loisirs %s"},
                "Activités sportives et de loisirs adaptées aux personnes en situation de handicap.",
                "Gymnase %s", new Act[] {new Act("Sport adapté", 6, 99, 60, "personnes-handicapees")}, false),
    };

    private Templates() {
    }

    static Assoc association(int index, ReferenceData.Commune commune, SplittableRandom r) {
        Kind kind = KINDS[r.nextInt(KINDS.length)];
        String nickname = NAMES[r.nextInt(NAMES.length)];
        String template = kind.names()[r.nextInt(kind.names().length)];
        String sector = template.contains("%2$s") || r.nextBoolean() ? "" : " " + SECTORS[r.nextInt(SECTORS.length)];
        String name = grammar(String.format(template, commune.name(), nickname) + sector);
        String rna = "W" + commune.departement().substring(0, 2) + String.format("%07d", index + 1);
        LocalDate created = SampleGenerator.date(r, 1950, 2025);
        boolean dissolved = r.nextInt(100) < 8;
        LocalDate dissolution = dissolved ? created.plusDays(200 + r.nextInt(Math.max(201,
                (int) (LocalDate.of(2025, 12, 31).toEpochDay() - created.toEpochDay())))) : null;
        if (dissolution != null && dissolution.isAfter(LocalDate.of(2025, 12, 31))) {
            dissolution = LocalDate.of(2025, 12, 31).minusDays(r.nextInt(300));
            if (dissolution.isBefore(created)) {
                dissolution = created;
            }
        }
        String postCode = commune.postalCodes().isEmpty() ? "" : commune.postalCodes().get(0);
        int street = r.nextInt(STREETS.length);
        int type = r.nextInt(STREET_TYPES.length);
        String slug = Vocabulary.fold(name).replace("-", "");
        String siret = r.nextInt(10) < 3
                ? String.format("%09d%05d", 300_000_000 + r.nextInt(600_000_000), 10 + r.nextInt(90)) : "";
        String[] row = {
            rna, "", siret,
            "", commune.departement() + "1P", created.toString(), created.plusDays(r.nextInt(60)).toString(),
            created.plusDays(30 + r.nextInt(60)).toString(),
            dissolution == null ? "0001-01-01" : dissolution.toString(),
            "D", "S", name, "", kind.object() + SampleGenerator.FICTITIOUS,
            kind.group() + String.format("%03d", 10 * (1 + r.nextInt(9))), "",
            r.nextInt(5) == 0 ? "Maison des associations" : "", Integer.toString(1 + r.nextInt(120)),
            r.nextInt(12) == 0 ? "B" : "", STREET_TYPES[type], STREETS[street], "", commune.code(), postCode,
            commune.name().toUpperCase(Locale.FRENCH), "", "", "", "", "", "", "", "FRANCE",
            r.nextBoolean() ? "M" : "MME", r.nextInt(10) < 3 ? "www." + slug + ".fr" : "", r.nextInt(2) + "", "",
            dissolved ? "D" : "A",
            created.plusYears(r.nextInt(5)).atTime(9 + r.nextInt(9), r.nextInt(60), r.nextInt(60))
                    .toString().replace('T', ' ')};
        if (row[38].length() == 16) {
            row[38] = row[38] + ":00";
        }
        return new Assoc(rna, kind, name, commune, !dissolved, row);
    }

    static Object[] activity(Assoc a, int index, Territory territory, SplittableRandom r) {
        Act act = a.kind().acts()[r.nextInt(a.kind().acts().length)];
        String place = String.format(a.kind().place(), NAMES[Math.floorMod((a.commune().code() + a.kind().place())
                .hashCode() + r.nextInt(3), NAMES.length)]);
        String street = (1 + Math.floorMod(place.hashCode(), 90)) + " "
                + STREET_WORDS[Math.floorMod(place.hashCode(), 8)]
                + " " + STREETS[Math.floorMod(place.hashCode() / 7, STREETS.length)];
        SplittableRandom placeRandom = new SplittableRandom(place.hashCode() + a.commune().code().hashCode());
        double[] point = territory.near(a.commune(), placeRandom);
        String[] dayNames = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
        int day = act.maxAge() <= 11 && r.nextBoolean() ? 2 : r.nextInt(7);
        String days = dayNames[day] + (r.nextInt(4) == 0 ? "|" + dayNames[(day + 2) % 7] : "");
        int startMinutes = act.maxAge() <= 17 ? (day == 2 || day >= 5 ? 9 * 60 : 16 * 60 + 30) : 9 * 60;
        startMinutes += 30 * r.nextInt(act.maxAge() <= 17 ? 8 : 22);
        int duration = 60 + 30 * r.nextInt(3);
        int seasonYear = 2026 - (r.nextInt(6) == 0 ? 1 : 0); // the 2026-2027 season, some from 2025-2026
        int price = act.maxPrice() == 0 || r.nextInt(8) == 0 ? 0
                : act.maxPrice() / 2 + r.nextInt(act.maxPrice() / 2 + 1);
        String slug = Vocabulary.fold(a.name()).replace("-", "");
        return new Object[] {
            String.format("%s-%02d", a.rna(), index % 100), a.rna(), act.title(),
            act.title() + " proposé par " + a.name() + " (activité fictive, données de démonstration).",
            a.kind().theme(), place, street,
            a.commune().postalCodes().isEmpty() ? "" : a.commune().postalCodes().get(0),
            a.commune().code(), point[0], point[1], days, time(startMinutes), time(startMinutes + duration),
            seasonYear + "-09-01", (seasonYear + 1) + "-06-30", act.minAge() == 0 ? "" : act.minAge(),
            act.maxAge() == 99 ? "" : act.maxAge(), act.audience(), price == 0 ? "gratuit" : price,
            r.nextInt(10) < 6 ? "oui" : "non", r.nextInt(6) == 0 ? "fr|en" : "fr",
            r.nextInt(3) == 0 ? "https://www." + slug + ".fr/inscription" : "", "contact@" + slug + ".fr",
            String.format("02 99 %02d %02d %02d", r.nextInt(100), r.nextInt(100), r.nextInt(100))};
    }

    static List<Object[]> indicators(String commune, long population, int year, SplittableRandom r) {
        double scale = Math.max(0.2, population / 5000.0);
        int trend = year - 2021;
        List<Object[]> rows = new ArrayList<>();
        long associations = Math.round(scale * (2 + trend) * (0.5 + r.nextDouble()));
        rows.add(new Object[] {commune, "1.1", year, associations, "count", ""});
        rows.add(new Object[] {commune, "2.1", year, year >= 2023 ? 1 : 0, "boolean", ""});
        long helped = Math.round(scale * (20 + 8 * trend) * (0.5 + r.nextDouble()));
        rows.add(new Object[] {commune, "3.3", year, helped, "count", ""});
        rows.add(new Object[] {commune, "3.4", year, Math.round(-15 + 25 * r.nextDouble()), "percent", ""});
        rows.add(new Object[] {commune, "4.1", year, Math.round(scale * (1 + trend) * r.nextDouble()), "count", ""});
        rows.add(new Object[] {commune, "5.1", year, Math.round(scale * r.nextDouble() * 3), "count", ""});
        rows.add(new Object[] {commune, "6.2", year, Math.round(-5 + 15 * r.nextDouble()), "percent", ""});
        rows.add(new Object[] {commune, "7.1", year, Math.round(scale * (3 + trend) * r.nextDouble()), "count",
            year == 2025 && r.nextInt(4) == 0 ? "Questionnaire annuel aux associations (données fictives)" : ""});
        return rows;
    }

    static Object[] supportPoint(Assoc a, int index, Territory territory, SplittableRandom r) {
        double[] point = territory.near(a.commune(), r);
        String slug = Vocabulary.fold(a.name()).replace("-", "");
        String[] row = a.rnaRow();
        return new Object[] {
            "tissu-" + a.rna(), a.rna(), a.name(), a.commune().name(),
            a.commune().postalCodes().isEmpty() ? "35000" : a.commune().postalCodes().get(0), a.commune().code(),
            row[17] + " " + STREET_WORDS[Arrays.asList(STREET_TYPES).indexOf(row[19])] + " " + row[20],
            "", point[0], point[1], "ASSO", String.format("+33299%06d", r.nextInt(1_000_000)),
            "contact@" + slug + ".fr",
            "https://www." + slug + ".fr", index % 2 == 0 ? "Tu,Th 14:00-17:00; Sa 10:00-12:00" : "Mo-Fr 09:00-12:00",
            "Aide gratuite aux démarches en ligne et aux usages du numérique (lieu fictif, données de démonstration).",
            "Sur place, des bénévoles accompagnent les habitants : créer une adresse électronique, déclarer ses "
                    + "revenus, prendre un rendez-vous médical en ligne, utiliser un smartphone.",
            "Tissu (données fictives)", "Fixe", "", LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300)).toString(),
            index % 3 == 0 ? "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien"
                    : "Maîtrise des outils numériques du quotidien|Accès internet et matériel informatique",
            index % 2 == 0 ? "Seniors" : "", "", "Gratuit", "", "", "", "Se présenter|Téléphoner",
            "Accompagnement individuel|Dans un atelier collectif", "", ""};
    }

    /** French contractions: "de Le Rheu" is "du Rheu", "à Le Rheu" is "au Rheu", "de Orgères" is "d'Orgères". */
    static String grammar(String name) {
        return name.replace(" de Le ", " du ").replace(" de Les ", " des ").replace(" à Le ", " au ")
                .replace(" à Les ", " aux ").replaceAll(" de (?=[AEIOUYÉÈÊÂÎÔ])", " d'");
    }

    private static String time(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
