#pragma once

#include "ai/kbarticle.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Serambi::Relay {

// What import_articles would do with the files sent (docs/protocol.md, "The knowledge-base
// editor"): read as `kb import` reads them, compared with the articles there are now. Unlike
// `kb import`, articles not in the files stay.
struct KbImportPlan
{
    QList<KbArticle> added;
    QList<KbArticle> changed;
    int unchanged = 0;
    QList<KbProblem> problems;

    // {"added": [{id, title}], "changed": [...], "unchanged", "problems": [{file, line,
    // message}], "apply": applied}
    QJsonObject toJson(bool applied) const;
};

// files: [{name, content}] (import_articles' argument). An article whose title or text is
// longer than save_article takes is a problem of its own, not imported.
KbImportPlan planKbImport(const QJsonArray &files, const QList<KbArticle> &current);

} // namespace Serambi::Relay
