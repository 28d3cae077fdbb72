package directive

//apivet:ignore AV301 the table is one of three constants
var a = 1

/* want `names no rule` */ //apivet:ignore because it is fine
var b = 2

/* want `gives no reason` */ //apivet:ignore AV301
var c = 3

/* want `unknown rule AV399` */ //apivet:ignore AV399 no such rule
var d = 4

// An ordinary comment that mentions apivet:ignore in passing is not a directive.
var e = 5
