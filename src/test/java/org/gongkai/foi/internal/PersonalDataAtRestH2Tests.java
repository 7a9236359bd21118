package org.gongkai.foi.internal;

class PersonalDataAtRestH2Tests extends PersonalDataAtRestTests {}
