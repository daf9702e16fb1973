#pragma once

#include <QString>

// The masked form of a secret that may be shown and stored: its public prefix and at most its
// last four characters ("sk-proj-…AbCd"). Short secrets show less, so the mask never gives away
// a meaningful share of one.
class SecretMask
{
public:
    static QString mask(QStringView secret);
};
