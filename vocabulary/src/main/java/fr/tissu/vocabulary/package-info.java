package fr.tissu.vocabulary;
