package fr.tissu.loader;
