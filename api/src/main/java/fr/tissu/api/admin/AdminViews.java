package fr.tissu.api.admin;

import java.util.List;
import java.util.Map;

import fr.tissu.api.core.AdminConfig;
import fr.tissu.api.html.Html;
import fr.tissu.loader.Problem;

/** The HTML of the staff page's views, in French and English (escaped here; the page shell is {@link Html}). */
final class AdminViews {
    private AdminViews() {
    }

    /** The sign-in form, with {@code error} (plain text) above it when not null. */
    static String signIn(String lang, String error) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(t(lang, "Publier des données", "Publish data")).append("</h1>\n<p>")
                .append(t(lang, "Pour les agents de la commune : connectez-vous avec votre jeton de publication.",
                        "For the commune's staff: sign in with your publishing token."))
                .append("</p>\n");
        if (error != null) {
            b.append("<p role=\"alert\">").append(Html.esc(error)).append("</p>\n");
        }
        b.append("<form method=\"post\" action=\"/admin/sign-in").append(query(lang)).append("\">\n")
                .append("<p><label for=\"token\">").append(t(lang, "Jeton de publication", "Publishing token"))
                .append("</label><br><input type=\"password\" id=\"token\" name=\"token\" required "
                        + "autocomplete=\"current-password\" class=\"token\"></p>\n"
                        + "<p><button type=\"submit\">")
                .append(t(lang, "Se connecter", "Sign in")).append("</button></p>\n</form>");
        return b.toString();
    }

    /** The page of a signed-in member of staff: upload form, sources with their provenance, remove buttons. */
    static String dashboard(String lang, AdminConfig.Token token, String csrf, List<Map<String, Object>> sources) {
        String q = query(lang);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(t(lang, "Publier des données", "Publish data")).append("</h1>\n<p>")
                .append(t(lang, "Connecté avec le jeton « ", "Signed in with the token “"))
                .append(Html.esc(token.name())).append(t(lang, " ».", "”."))
                .append("</p>\n<form method=\"post\" action=\"/admin/sign-out").append(q).append("\">")
                .append(csrf(csrf)).append("<button type=\"submit\">").append(t(lang, "Se déconnecter", "Sign out"))
                .append("</button></form>\n");
        b.append("<section aria-labelledby=\"upload\">\n<h2 id=\"upload\">")
                .append(t(lang, "Déposer un fichier", "Upload a file")).append("</h2>\n<p>")
                .append(t(lang, "Un fichier du même nom remplace le précédent. Formats : RNA, activités (modèle "
                        + "Tissu), indicateurs, lieux de médiation numérique (CSV), RDF.", "A file of the same "
                        + "name replaces the previous one. Formats: RNA, activities (Tissu template), indicators, "
                        + "digital-support points (CSV), RDF."))
                .append("</p>\n<form method=\"post\" enctype=\"multipart/form-data\" action=\"/admin/upload")
                .append(q).append("\">\n").append(csrf(csrf))
                .append("<p><label for=\"file\">").append(t(lang, "Fichier", "File"))
                .append("</label><br><input type=\"file\" id=\"file\" name=\"file\" required "
                        + "accept=\".csv,.ttl,.nt,.nq,.trig,.jsonld,.rdf\"></p>\n<fieldset><legend>")
                .append(t(lang, "Lignes invalides", "Invalid rows")).append("</legend>\n")
                .append("<p><input type=\"radio\" id=\"strict\" name=\"mode\" value=\"strict\" checked> "
                        + "<label for=\"strict\">")
                .append(t(lang, "refuser tout le fichier (recommandé)", "refuse the whole file (recommended)"))
                .append("</label></p>\n<p><input type=\"radio\" id=\"skip\" name=\"mode\" value=\"skip-invalid\"> "
                        + "<label for=\"skip\">")
                .append(t(lang, "publier les lignes valides et signaler les autres",
                        "publish the valid rows and report the others"))
                .append("</label></p>\n</fieldset>\n<p><input type=\"checkbox\" id=\"dry\" name=\"dry-run\" "
                        + "value=\"true\"> <label for=\"dry\">")
                .append(t(lang, "vérifier seulement, sans publier", "check only, do not publish"))
                .append("</label></p>\n<p><button type=\"submit\">").append(t(lang, "Envoyer", "Send"))
                .append("</button></p>\n</form>\n</section>\n");
        b.append("<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">")
                .append(t(lang, "Sources publiées", "Published sources")).append("</h2>\n")
                .append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"sources\"><table>\n")
                .append("<thead><tr><th scope=\"col\">").append(t(lang, "Fichier", "File"))
                .append("</th><th scope=\"col\">Format</th><th scope=\"col\">")
                .append(t(lang, "Lignes acceptées", "Rows accepted")).append("</th><th scope=\"col\">")
                .append(t(lang, "Rejetées", "Rejected")).append("</th><th scope=\"col\">")
                .append(t(lang, "Publié le", "Published")).append("</th><th scope=\"col\">")
                .append(t(lang, "Par", "By")).append("</th><th scope=\"col\">")
                .append(t(lang, "Action", "Action")).append("</th></tr></thead>\n<tbody>\n");
        for (Map<String, Object> src : sources) {
            String name = String.valueOf(src.get("name"));
            b.append("<tr><td>").append(Html.esc(name)).append("</td><td>")
                    .append(Html.esc(String.valueOf(src.get("format")))).append("</td><td>")
                    .append(src.get("accepted") == null ? "" : src.get("accepted")).append("</td><td>")
                    .append(src.get("rejected") == null ? "" : src.get("rejected")).append("</td><td>")
                    .append(Html.esc(String.valueOf(src.get("loaded")))).append("</td><td>")
                    .append(src.get("publishedBy") == null ? "" : Html.esc(String.valueOf(src.get("publishedBy"))))
                    .append("</td><td>");
            if (Boolean.TRUE.equals(src.get("removable")) && token.mayPublish(name)) {
                b.append("<form method=\"post\" action=\"/admin/remove").append(q).append("\">").append(csrf(csrf))
                        .append("<input type=\"hidden\" name=\"name\" value=\"").append(Html.esc(name))
                        .append("\"><button type=\"submit\" aria-label=\"").append(t(lang, "Retirer ", "Remove "))
                        .append(Html.esc(name)).append("\">").append(t(lang, "Retirer", "Remove"))
                        .append("</button></form>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n</section>");
        return b.toString();
    }

    /** The body of a publication's page: its status, then each file's summary and problems. */
    static String job(String lang, Job job, Map<String, Object> j, boolean running) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(t(lang, "Publication", "Publication")).append("</h1>\n<p role=\"status\">")
                .append(Html.esc(statusText(lang, job.status())));
        if (running) {
            b.append(' ').append(t(lang, "(cette page se met à jour toute seule)", "(this page updates itself)"));
        }
        b.append("</p>\n");
        if (j.get("error") != null) {
            b.append("<p>").append(Html.esc(String.valueOf(j.get("error")))).append("</p>\n");
        }
        for (var r : job.reports()) {
            b.append("<section>\n<h2>").append(Html.esc(r.file())).append("</h2>\n<p>")
                    .append(Html.esc(fileStatus(lang, r.status().name()))).append(" — ")
                    .append(r.rows()).append(t(lang, " lignes, ", " rows, ")).append(r.accepted())
                    .append(t(lang, " acceptées, ", " accepted, ")).append(r.rejected())
                    .append(t(lang, " rejetées", " rejected"))
                    .append(r.outside() == 0 ? "" : ", " + r.outside() + t(lang, " hors du territoire (non chargées)",
                            " outside the territory (not loaded)")).append("</p>\n");
            problems(b, lang, r.problems(), r.problemCount(), t(lang, "Problèmes", "Problems"),
                    t(lang, "Problèmes trouvés (", "Problems found ("));
            problems(b, lang, r.warnings(), r.warningCount(), t(lang, "Avertissements", "Warnings"),
                    t(lang, "Avertissements : chargé, à vérifier (", "Warnings: loaded, worth a look ("));
            b.append("</section>\n");
        }
        b.append("<p><a href=\"/admin").append(query(lang)).append("\">")
                .append(t(lang, "Retour à la publication", "Back to publishing")).append("</a></p>");
        return b.toString();
    }

    /** A table of the problems (or warnings) of a file, by line. */
    private static void problems(StringBuilder b, String lang, List<Problem> problems, long count, String label,
                                 String caption) {
        if (problems.isEmpty()) {
            return;
        }
        b.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").append(label)
                .append("\"><table>\n<caption>").append(caption).append(count)
                .append(")</caption>\n<thead><tr><th scope=\"col\">").append(t(lang, "Ligne", "Line"))
                .append("</th><th scope=\"col\">").append(t(lang, "Colonne", "Column"))
                .append("</th><th scope=\"col\">").append(t(lang, "Valeur", "Value"))
                .append("</th><th scope=\"col\">").append(t(lang, "Raison", "Reason"))
                .append("</th></tr></thead>\n<tbody>\n");
        for (Problem p : problems) {
            b.append("<tr><td>").append(p.line() == 0 ? "" : p.line()).append("</td><td>")
                    .append(Html.esc(p.column())).append("</td><td>").append(Html.esc(p.value()))
                    .append("</td><td>").append(Html.esc(p.reason())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    static String statusText(String lang, Job.Status status) {
        return switch (status) {
            case QUEUED -> t(lang, "En attente.", "Queued.");
            case RUNNING -> t(lang, "En cours.", "Running.");
            case DONE -> t(lang, "Terminée.", "Done.");
            case FAILED -> t(lang, "Échec.", "Failed.");
        };
    }

    static String fileStatus(String lang, String status) {
        return switch (status) {
            case "LOADED" -> t(lang, "Publié", "Published");
            case "LOADED_WITH_REJECTIONS" -> t(lang, "Publié sans les lignes rejetées",
                    "Published without the rejected rows");
            case "REFUSED" -> t(lang, "Refusé : rien n'a été publié", "Refused: nothing was published");
            case "VALID" -> t(lang, "Valide (vérification seule)", "Valid (check only)");
            case "INVALID" -> t(lang, "Des lignes sont invalides (vérification seule)",
                    "Some rows are invalid (check only)");
            default -> t(lang, "Illisible : rien n'a été publié", "Unreadable: nothing was published");
        };
    }

    static String csrf(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">";
    }

    static String t(String lang, String fr, String en) {
        return "en".equals(lang) ? en : fr;
    }

    static String query(String lang) {
        return "en".equals(lang) ? "?lang=en" : "";
    }
}
