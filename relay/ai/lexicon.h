#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Serambi::Relay::Lexicon {

// A group of words or phrases customers use for the same thing, each as its normalised terms
// (textnormalizer.h).
using Group = QList<QStringList>;

// Reads a lexicon: one group a line, "name<TAB>phrase | phrase | ...", "#" comments.
QList<Group> parse(const QString &text);

// Serambi's Indonesian e-commerce and service lexicon (resources/ai/lexicon-id.tsv, compiled
// in), read once.
const QList<Group> &builtIn();

} // namespace Serambi::Relay::Lexicon
