// Small browser helpers Blazor calls through JS interop.
window.portal = {
    copyText: async function (text) {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            // Clipboard API needs a secure context (https or localhost); fall back to a selection copy.
            const area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.style.position = "absolute";
            area.style.left = "-9999px";
            document.body.appendChild(area);
            area.select();
            const ok = document.execCommand("copy");
            document.body.removeChild(area);
            return ok;
        }
    },
    // The admin theme is remembered for a year in a cookie the server reads when it renders the next page.
    rememberTheme: function (dark) {
        document.cookie = "portal-theme=" + (dark ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    }
};

// Countdowns (mm:ss) to the instant in data-countdown, ticking in the browser: a waiting page costs the server nothing
// per second. The server flips the page to "expired" itself at that instant.
setInterval(function () {
    document.querySelectorAll("[data-countdown]").forEach(function (element) {
        const left = Math.max(0, Math.floor((Date.parse(element.dataset.countdown) - Date.now()) / 1000));
        const text = String(Math.floor(left / 60)).padStart(2, "0") + ":" + String(left % 60).padStart(2, "0");
        if (element.textContent !== text) {
            element.textContent = text;
        }
    });
}, 1000);
