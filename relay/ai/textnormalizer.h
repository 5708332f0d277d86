#pragma once

#include <QString>
#include <QStringList>

namespace Serambi::Relay::TextNormalizer {

// Lower case, diacritics removed, every run of characters that is not a letter or digit turned
// into one space; letters repeated three or more times collapsed ("bangettt" -> "banget").
QString fold(const QString &text);

// The folded words of text with chat abbreviations and slang expanded ("yg" -> "yang",
// "ongkir" -> "ongkos kirim") and reduplication markers dropped ("barang2" -> "barang").
QStringList words(const QString &text);

// A light Indonesian stemmer: particles (-lah, -kah, -pun), possessives (-nya, -ku, -mu),
// suffixes (-kan, -an, -i) and prefixes (me-, di-, ber-, ter-, pe-, with nasal changes).
QString stem(const QString &word);

bool isStopWord(const QString &word);

// What is indexed and searched: words() without stop words and numbers, stemmed.
QStringList terms(const QString &text);

} // namespace Serambi::Relay::TextNormalizer
