package main

//apivet:ignore AV501 local development default, the deployment overrides it
var devAdminPassword = "d3v-Adm1n-Pw!"

/* want `AV002 low: //apivet:ignore for AV501 matches no finding on this line or the next; delete the directive` */ //apivet:ignore AV501 nothing here needs silencing
var region = "eu-west-1"

var opsPassword = "0ps-R00t-Pw!" //apivet:ignore AV501 throwaway credential of the ops sandbox
