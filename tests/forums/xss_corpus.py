"""XSS payloads for the forums' renderer: markdown2 safe_mode bypasses from its tracker (issues #285 =
CVE-2018-5773, #341, #601, #694, #702, #712, #721, #726) and classics of the OWASP XSS filter evasion cheat sheet.

Every payload calls `xss()`, which the browser test defines to record a call, or `alert`, which opens a dialog.
"""

PAYLOADS = [
    # markdown2 #285 (CVE-2018-5773): nested autolinks smuggling a script element.
    "<http://g<!s://q?<!-<[<script>xss()/\\*](http://g)->a><http://g<!s://g.c?<!s://q?<!-<[<script>xss()/\\*](http://g)->a>",
    # markdown2 #341: javascript: link through entities.
    "[clickme](javascript&#58;xss())",
    "[clickme](&#x6A;avascript:xss())",
    # markdown2 #601 / #694: attribute injection through image and link titles.
    '![x](" onerror="xss())',
    '[x](http://example.org "title" onmouseover="xss()")',
    '![x](http://example.org/a.png" onerror="xss())',
    # markdown2 #702 / #712: raw HTML survives safe_mode in some contexts.
    "<img src=x onerror=xss()>",
    "<svg onload=xss()>",
    "<details open ontoggle=xss()>",
    # markdown2 #721 / #726: data: URLs and mixed-case schemes.
    "[x](data:text/html;base64,PHNjcmlwdD54c3MoKTwvc2NyaXB0Pg==)",
    "[x](JaVaScRiPt:xss())",
    "<a href='jav&#x09;ascript:xss()'>x</a>",
    # OWASP cheat sheet.
    "<script>xss()</script>",
    "<scr<script>ipt>xss()</scr</script>ipt>",
    '"><script>xss()</script>',
    "<iframe src=javascript:xss()></iframe>",
    "<body onload=xss()>",
    "<input autofocus onfocus=xss()>",
    "<a href=javascript&colon;xss&lpar;&rpar;>x</a>",
    '<img src="x" onerror="&#120;ss()">',
    "<object data=javascript:xss()></object>",
    "<embed src=javascript:xss()>",
    "<math><mi xlink:href=javascript:xss()>x</mi></math>",
    "<style>@import 'javascript:xss()';</style>",
    '<div style="background:url(javascript:xss())">x</div>',
    "<form action=javascript:xss()><button>go</button></form>",
    "<video><source onerror=xss()></video>",
    "<marquee onstart=xss()>x</marquee>",
    "[a](javascript:/*--></title></style></textarea></script><svg/onload='xss()'>)",
    '<a href="  javascript:xss()">x</a>',
    "<img src=1 onerror=alert(1)>",
    "`<script>xss()</script>` and ```\n<script>xss()</script>\n```",
]
