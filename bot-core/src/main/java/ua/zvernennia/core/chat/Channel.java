package ua.zvernennia.core.chat;

/** Where an appeal came from. Messenger channels also carry conversations. */
public enum Channel {
    TELEGRAM(true),
    VIBER(true),
    /** The terminal demo. */
    CONSOLE(true),
    PHONE(false),
    EMAIL(false),
    /** The city's own hotline (e.g. 1551, 15-80). */
    HOTLINE(false),
    /** The government hotline (1545) forwarding to the city. */
    GOV_HOTLINE(false),
    IN_PERSON(false),
    /** The city's website, mobile app and partner apps (Open311) and the public web form. */
    WEB(false),
    /**
     * A channel kept as data in the register (the regional hotline, letters by post, appeals
     * forwarded by other bodies, and any an admin adds): the appeal's channel code names it.
     */
    OTHER(false);

    private final boolean messenger;

    Channel(boolean messenger) {
        this.messenger = messenger;
    }

    /** True when citizens talk to the bot through this channel and can receive pushes there. */
    public boolean isMessenger() {
        return messenger;
    }
}
