#pragma once

#include <QByteArray>
#include <QString>

class QNetworkAccessManager;

// One small chat completion through a running Keyway router, as a tool sends it, waited for
// (30 s at most): for tests that only need to know who answered and how.
class RouterChat
{
public:
    struct Reply
    {
        int status = 0; // 0: no answer
        QByteArray key; // x-keyway-key: the label of the key that served
        QByteArray requestId; // x-keyway-request-id
        QByteArray body;
    };

    // `address` is the router's "http://127.0.0.1:PORT"; `token` a local API key.
    static Reply send(
        QNetworkAccessManager& client, const QString& address, const QByteArray& token);
};
